import { Writable } from 'node:stream';

/** A stream that records what a progress display writes; `isTTY` chooses between its bar and its log lines. */
export function fakeTerminal(isTTY: boolean) {
  let written = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      written += String(chunk);
      done();
    },
  });
  // what cli-progress asks of a terminal; 120 columns leave the bar's text whole
  Object.assign(stream, { isTTY, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { stream: stream as unknown as NodeJS.WriteStream, output: () => written };
}
