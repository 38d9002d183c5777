import { DAY_MS } from '../time-unit.ts';
import { quintileScores, type Quintile } from './quintile-scores.ts';

export interface RfmInput {
  /** Time of the buyer's latest purchase, ms since the epoch. */
  lastPurchaseAt: number;
  /** Number of purchases (orders) so far. */
  purchases: number;
  /** Spend, total or mean per order: the caller picks one and uses it for the whole site. */
  spend: number;
}

export interface RfmScore {
  /** 5 = bought most recently. */
  recency: Quintile;
  /** 5 = most purchases. */
  frequency: Quintile;
  /** 5 = highest spend. */
  monetary: Quintile;
  /** Whole days from the last purchase to `now`. */
  daysSinceLastPurchase: number;
}

/**
 * RFM quintile scores for every buyer of one site, in input order (see quintileScores for ties and small
 * populations). Recency is ranked on whole days since the last purchase, so two buyers who bought on the
 * same day tie rather than being split by the hour; a purchase after `now` (clock skew) counts as day 0.
 */
export function rfmScores(buyers: readonly RfmInput[], now: number): RfmScore[] {
  const daysSince = buyers.map((buyer) => Math.max(0, Math.floor((now - buyer.lastPurchaseAt) / DAY_MS)));
  const recency = quintileScores(daysSince.map((days) => -days));
  const frequency = quintileScores(buyers.map((buyer) => buyer.purchases));
  const monetary = quintileScores(buyers.map((buyer) => buyer.spend));
  return buyers.map((_, i) => ({
    recency: recency[i]!,
    frequency: frequency[i]!,
    monetary: monetary[i]!,
    daysSinceLastPurchase: daysSince[i]!,
  }));
}
