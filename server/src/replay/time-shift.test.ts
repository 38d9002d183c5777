import { describe, expect, test } from 'vitest';
import { timeShift } from './time-shift.ts';

const lastOrder = Date.UTC(2011, 11, 9, 12, 50);
const now = Date.UTC(2026, 10, 23, 9, 30);

describe('timeShift', () => {
  test('by default the last order lands at now and every date moves by the same amount', () => {
    const shift = timeShift(lastOrder, now, false);
    expect(lastOrder + shift.offsetMs).toBe(now);
    expect(Date.UTC(2010, 11, 1, 8, 26) + shift.offsetMs).toBe(now - (lastOrder - Date.UTC(2010, 11, 1, 8, 26)));
    expect(shift.endsAt).toBe(now);
  });

  test('--keep-dates keeps the dates and ends a day after the last order', () => {
    expect(timeShift(lastOrder, now, true)).toEqual({ offsetMs: 0, endsAt: lastOrder + 86_400_000 });
  });
});
