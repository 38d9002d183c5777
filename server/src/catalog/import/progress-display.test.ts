import { Writable } from 'node:stream';
import { expect, test } from 'vitest';
import { createProgressDisplay } from './progress-display.ts';

function fakeStream(isTTY: boolean) {
  let written = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      written += String(chunk);
      done();
    },
  }) as Writable & { isTTY: boolean; columns: number; cursorTo(): boolean; clearLine(): boolean; moveCursor(): boolean };
  Object.assign(stream, { isTTY, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { stream: stream as unknown as NodeJS.WriteStream, output: () => written };
}

test('off a terminal, one plain line per quarter passed, never a redraw', () => {
  const { stream, output } = fakeStream(false);
  const display = createProgressDisplay(stream);
  display.update(100, undefined, 0.1);
  display.update(300, undefined, 0.3);
  display.update(350, undefined, 0.32);
  display.update(900, undefined, 0.8);
  display.update(1200, 1200, 1);
  display.stop();
  expect(output()).toBe('catalog import: 30% read, 300 rows\ncatalog import: 80% read, 900 rows\n');
});

test('on a terminal, a bar with the percentage and rows; stopping twice is harmless', () => {
  const { stream, output } = fakeStream(true);
  const display = createProgressDisplay(stream);
  display.update(1500, undefined, 1);
  display.stop();
  display.stop();
  expect(output()).toContain('catalog import |');
  expect(output()).toContain('100% | 1,500 rows');
});
