import { expect, test } from 'vitest';
import { DAY_MS } from '../time-unit.ts';
import { purchaseHistoryFromTimes } from './purchase-history.ts';
import { weightHistories } from './weighted-histories.ts';

const day0 = Date.UTC(2026, 0, 1);
const at = (day: number, hour: number): number => day0 + day * DAY_MS + hour * 3_600_000;
const purchases = [at(0, 9), at(0, 15), at(14, 10), at(28, 23.99), at(100, 12)];
const now = at(35, 12);

test('counts purchase days, not orders, and ignores purchases after now', () => {
  expect(purchaseHistoryFromTimes(purchases, now, 'days')).toEqual({ frequency: 2, recency: 28, age: 35 });
});

test('weeks are days / 7, as in the CDNOW summary', () => {
  expect(purchaseHistoryFromTimes(purchases, now, 'weeks')).toEqual({ frequency: 2, recency: 4, age: 5 });
  expect(purchaseHistoryFromTimes([at(0, 1), at(3, 1)], at(10, 1), 'weeks')).toEqual({ frequency: 1, recency: 3 / 7, age: 10 / 7 });
});

test('a first purchase today has age 0; no purchase gives null', () => {
  expect(purchaseHistoryFromTimes([now - 60_000], now, 'days')).toEqual({ frequency: 0, recency: 0, age: 0 });
  expect(purchaseHistoryFromTimes([], now, 'days')).toBeNull();
  expect(purchaseHistoryFromTimes([at(100, 0)], now, 'days')).toBeNull();
});

test('histories the model cannot take are rejected by index', () => {
  expect(() => weightHistories([{ frequency: 1, recency: 2, age: 3 }, { frequency: 1.5, recency: 1, age: 2 }])).toThrow(/purchase history 1: frequency/);
  expect(() => weightHistories([{ frequency: 2, recency: 5, age: 4 }])).toThrow(/age must be/);
  expect(() => weightHistories([{ frequency: 0, recency: 1, age: 4 }])).toThrow(/recency must be 0/);
});

test('identical histories are collapsed with weights', () => {
  const weighted = weightHistories([
    { frequency: 0, recency: 0, age: 5 },
    { frequency: 2, recency: 3, age: 5 },
    { frequency: 0, recency: 0, age: 5 },
  ]);
  expect(Array.from(weighted.weight)).toEqual([2, 1]);
  expect(weighted).toMatchObject({ buyers: 3, repeatBuyers: 1, maxFrequency: 2, maxAge: 5 });
});
