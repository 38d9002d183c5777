import { expect, test } from 'vitest';
import { fakeTerminal } from '../../test/fake-terminal.ts';
import { createReplayProgress } from './progress-display.ts';

const replay = (ordersDone: number) => ({ phase: 'replay' as const, ordersDone, ordersTotal: 1000, eventsSent: ordersDone * 40 });

test('off a terminal: a line as each phase starts and one per tenth of the orders, never a redraw', () => {
  const { stream, output } = fakeTerminal(false);
  const display = createReplayProgress(stream);
  display.update({ phase: 'read', fraction: 0.5 });
  display.update({ phase: 'read', fraction: 1 });
  for (const done of [50, 100, 150, 250, 1000]) display.update(replay(done));
  display.update({ phase: 'resend', ordersDone: 50, ordersTotal: 100, eventsSent: 42_000 });
  display.update({ phase: 'settle' });
  display.stop();
  expect(output()).toBe(
    [
      'replay: reading the file',
      'replay: replaying orders',
      'replay: 10% | 100/1,000 orders, 4,000 events',
      'replay: 25% | 250/1,000 orders, 10,000 events',
      'replay: 100% | 1,000/1,000 orders, 40,000 events',
      'replay: sending orders replayed before again (the collector acknowledges them as duplicates)',
      'replay: 50% | 50/100 orders, 42,000 events',
      'replay: settling stages',
      '',
    ].join('\n'),
  );
});

test('on a terminal: a bar with the phase and the orders done', () => {
  const { stream, output } = fakeTerminal(true);
  const display = createReplayProgress(stream);
  display.update(replay(500));
  display.stop();
  display.stop();
  expect(output()).toContain('replay replaying orders');
  expect(output()).toContain('500/1,000 orders, 20,000 events');
});
