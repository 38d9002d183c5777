import { describe, expect, test } from 'vitest';
import { emptyFacts, type PersonFacts } from '../../lifecycle/facts.ts';
import { rfmTable } from './rfm-table.ts';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 23, 12);

/** A buyer whose last order was `daysAgo` days ago, with `orders` orders worth `spend` in all. */
function buyer(daysAgo: number, orders: number, spend: number): PersonFacts {
  const f = emptyFacts(now - 400 * DAY);
  f.orders = Array.from({ length: orders }, (_, i) => ({ id: `o${i}`, at: now - (daysAgo + i) * DAY, value: spend / orders }));
  f.lastPurchaseAt = now - daysAgo * DAY;
  f.revenue = spend;
  return f;
}

describe('rfmTable', () => {
  test('ten buyers with distinct values: two per score, counted in the R×F grid, each score’s bounds', () => {
    // the most recent buyers order most often and spend most
    const buyers = Array.from({ length: 10 }, (_, i) => buyer(100 - i * 10, i + 1, (i + 1) * 100));
    const t = rfmTable(buyers, now)!;
    expect(t.buyers).toBe(10);
    expect(t.recencyByFrequency).toEqual([
      [2, 0, 0, 0, 0],
      [0, 2, 0, 0, 0],
      [0, 0, 2, 0, 0],
      [0, 0, 0, 2, 0],
      [0, 0, 0, 0, 2],
    ]);
    expect(t.bands.recency.map((b) => [b.score, b.buyers, b.min, b.max])).toEqual([
      [1, 2, 90, 100], [2, 2, 70, 80], [3, 2, 50, 60], [4, 2, 30, 40], [5, 2, 10, 20],
    ]);
    expect(t.bands.monetary.at(-1)).toEqual({ score: 5, buyers: 2, min: 900, max: 1000 });
  });

  test('ties share a score, which can leave a score empty; no buyers, no table', () => {
    const t = rfmTable([buyer(5, 1, 10), buyer(6, 1, 20), buyer(7, 1, 30), buyer(8, 3, 40)], now)!;
    expect(t.bands.frequency.map((b) => b.buyers)).toEqual([0, 3, 0, 0, 1]);
    expect(t.bands.frequency[0]).toMatchObject({ min: null, max: null });
    expect(rfmTable([emptyFacts(now)], now)).toBeNull();
  });
});
