import { expect, test } from 'vitest';
import { DAY_MS } from '../time-unit.ts';
import { rfmScores } from './rfm-scores.ts';

const now = Date.UTC(2026, 0, 31, 12);
const HOUR_MS = 3_600_000;
// name, days since last purchase, purchases, spend; scores worked out by hand with the midpoint rule.
const table = [
  ['A', 0, 1, 20, { recency: 5, frequency: 2, monetary: 2 }],
  ['B', 1, 5, 200, { recency: 5, frequency: 5, monetary: 5 }],
  ['C', 3, 2, 50, { recency: 4, frequency: 4, monetary: 4 }],
  ['D', 3, 1, 20, { recency: 4, frequency: 2, monetary: 2 }],
  ['E', 10, 1, 35, { recency: 3, frequency: 2, monetary: 3 }],
  ['F', 30, 3, 80, { recency: 3, frequency: 4, monetary: 4 }],
  ['G', 45, 1, 10, { recency: 2, frequency: 2, monetary: 1 }],
  ['H', 60, 8, 500, { recency: 2, frequency: 5, monetary: 5 }],
  ['I', 90, 2, 50, { recency: 1, frequency: 4, monetary: 4 }],
  ['J', 200, 1, 15, { recency: 1, frequency: 2, monetary: 1 }],
] as const;

test('scores a hand-checked table of ten buyers', () => {
  // C and D bought 3 days ago at different hours: still a tie.
  const buyers = table.map(([name, days, purchases, spend]) => ({
    lastPurchaseAt: now - days * DAY_MS - (name === 'C' ? 1 : 9) * HOUR_MS,
    purchases,
    spend,
  }));
  const scores = rfmScores(buyers, now);
  expect(scores).toEqual(table.map(([, days, , , expected]) => ({ ...expected, daysSinceLastPurchase: days })));
});

test('a purchase stamped after now counts as today', () => {
  const [score] = rfmScores([{ lastPurchaseAt: now + HOUR_MS, purchases: 1, spend: 5 }], now);
  expect(score).toEqual({ recency: 3, frequency: 3, monetary: 3, daysSinceLastPurchase: 0 });
});
