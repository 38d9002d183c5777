import { expect, test } from 'vitest';
import { DAY_MS } from '../time-unit.ts';
import { meanRepeatSpend } from './mean-repeat-spend.ts';

const day = (n: number, hour = 12): number => Date.UTC(2026, 0, 1) + n * DAY_MS + hour * 3_600_000;

test('averages repeat purchase days, leaving out the first and summing orders within a day', () => {
  const purchases = [
    { at: day(0), amount: 500 },
    { at: day(3, 9), amount: 10 },
    { at: day(3, 18), amount: 30 },
    { at: day(9), amount: 20 },
    { at: day(40), amount: 999 },
  ];
  expect(meanRepeatSpend(purchases, day(30))).toBe(30);
});

test('is 0 without a repeat purchase day', () => {
  expect(meanRepeatSpend([{ at: day(0, 8), amount: 10 }, { at: day(0, 20), amount: 5 }], day(10))).toBe(0);
  expect(meanRepeatSpend([], day(10))).toBe(0);
});
