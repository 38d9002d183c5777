import type { PersonFacts } from '../../lifecycle/facts.ts';
import { buyerValue, type SiteModel } from '../../lifecycle/buyer-models.ts';
import type { BgNbdParams, GammaGammaParams } from '../../lifecycle/models/index.ts';

export interface ClvSummary {
  /** buyer_models.note: what was fitted, or why not */
  note: string;
  buyers: number;
  repeatBuyers: number;
  bgNbd: BgNbdParams | null;
  gammaGamma: GammaGammaParams | null;
  /** P(alive) of the buyers with two orders or more (what puts them in loyal or dormant), null without BG/NBD */
  pAliveOfRepeatBuyers: { buyers: number; min: number; median: number } | null;
  /** 12-month CLV over the buyers, null unless both models are fitted */
  clv12Months: { total: number; mean: number; median: number; topDecileShare: number } | null;
}

/** The site's buyer models at the end of the replay and the 12-month CLV they give the replayed buyers. */
export function clvSummary(model: SiteModel, buyers: readonly PersonFacts[], now: number): ClvSummary {
  const withOrders = buyers.filter((b) => b.orders.length > 0);
  const values = withOrders.map((b) => buyerValue(model, b, now).clv12Months).filter((v): v is number => v !== null && Number.isFinite(v));
  const alive = withOrders.filter((b) => b.orders.length >= 2).flatMap((b) => buyerValue(model, b, now).pAlive ?? []);
  const sortedAlive = alive.sort((a, b) => a - b);
  return {
    note: model.note,
    buyers: withOrders.length,
    repeatBuyers: model.repeatBuyers,
    bgNbd: model.bgNbd,
    gammaGamma: model.gammaGamma,
    pAliveOfRepeatBuyers: sortedAlive.length ? { buyers: sortedAlive.length, min: sortedAlive[0]!, median: median(sortedAlive) } : null,
    clv12Months: values.length > 0 ? summarise(values) : null,
  };
}

function summarise(values: number[]): NonNullable<ClvSummary['clv12Months']> {
  const sorted = [...values].sort((a, b) => b - a);
  const total = sorted.reduce((a, b) => a + b, 0);
  const top = sorted.slice(0, Math.max(1, Math.ceil(sorted.length / 10))).reduce((a, b) => a + b, 0);
  return { total, mean: total / sorted.length, median: median(sorted), topDecileShare: total > 0 ? top / total : 0 };
}

/** The middle of a sorted (either way) list. */
function median(sorted: number[]): number {
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
