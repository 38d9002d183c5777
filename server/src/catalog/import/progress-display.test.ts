import { expect, test } from 'vitest';
import { fakeTerminal } from '../../../test/fake-terminal.ts';
import { createProgressDisplay } from './progress-display.ts';

test('off a terminal, one plain line per quarter passed, never a redraw', () => {
  const { stream, output } = fakeTerminal(false);
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
  const { stream, output } = fakeTerminal(true);
  const display = createProgressDisplay(stream);
  display.update(1500, undefined, 1);
  display.stop();
  display.stop();
  expect(output()).toContain('catalog import |');
  expect(output()).toContain('100% | 1,500 rows');
});
