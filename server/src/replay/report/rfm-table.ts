import type { PersonFacts } from '../../lifecycle/facts.ts';
import { rfmScores, type RfmScore } from '../../lifecycle/models/index.ts';

/** What one score (1–5) of one RFM dimension covers: how many buyers, and the range of their values. */
export interface ScoreBand {
  score: number;
  buyers: number;
  /** null when no buyer has this score (ties can leave a score empty) */
  min: number | null;
  max: number | null;
}

export interface RfmTable {
  buyers: number;
  /** buyers per recency (rows, index 0 = R1) × frequency (columns, index 0 = F1) score */
  recencyByFrequency: number[][];
  /** recency in whole days since the last order, frequency in orders, monetary in total spend */
  bands: { recency: ScoreBand[]; frequency: ScoreBand[]; monetary: ScoreBand[] };
}

/** RFM quintile scores of every buyer (see models/rfm), summarised: the R×F grid and each score's bounds. */
export function rfmTable(buyers: readonly PersonFacts[], now: number): RfmTable | null {
  const withOrders = buyers.filter((b) => b.orders.length > 0 && b.lastPurchaseAt !== null);
  if (withOrders.length === 0) return null;
  const scores = rfmScores(withOrders.map((b) => ({ lastPurchaseAt: b.lastPurchaseAt!, purchases: b.orders.length, spend: b.revenue })), now);
  const grid = Array.from({ length: 5 }, () => Array<number>(5).fill(0));
  for (const s of scores) grid[s.recency - 1]![s.frequency - 1]!++;
  const band = (score: (s: RfmScore) => number, value: (i: number) => number) =>
    [1, 2, 3, 4, 5].map((n): ScoreBand => {
      const values = scores.flatMap((s, i) => (score(s) === n ? [value(i)] : []));
      return { score: n, buyers: values.length, min: values.length ? Math.min(...values) : null, max: values.length ? Math.max(...values) : null };
    });
  return {
    buyers: withOrders.length,
    recencyByFrequency: grid,
    bands: {
      recency: band((s) => s.recency, (i) => scores[i]!.daysSinceLastPurchase),
      frequency: band((s) => s.frequency, (i) => withOrders[i]!.orders.length),
      monetary: band((s) => s.monetary, (i) => Math.round(withOrders[i]!.revenue * 100) / 100),
    },
  };
}
