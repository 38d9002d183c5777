const DAY_MS = 24 * 3600 * 1000;

export interface RepeatIntervalOptions {
  /** a product needs this many observed repeat purchases before it counts as a consumable */
  minRepeats: number;
  /** repeats of one product kept (the newest); their median is the typical interval */
  keep: number;
  /** buying the same product again sooner than this is the same need (a second order, a correction), not a repeat */
  minGapMs: number;
}

export const repeatIntervalDefaults: RepeatIntervalOptions = { minRepeats: 3, keep: 50, minGapMs: DAY_MS };

/**
 * How long buyers take to buy the same product again, learned from every buyer's consecutive purchases of
 * it. A product nobody re-buys has no interval, so `replenish` never offers durable goods.
 */
export class RepeatIntervals {
  private readonly gaps = new Map<string, number[]>();
  private readonly typical = new Map<string, number>();

  constructor(private readonly options: RepeatIntervalOptions = repeatIntervalDefaults) {}

  /** a buyer bought `itemId` at `at` after last buying it at `previousAt` (both ms) */
  addRepeat(itemId: string, previousAt: number, at: number): void {
    const gap = at - previousAt;
    if (gap < this.options.minGapMs) return;
    let list = this.gaps.get(itemId);
    if (!list) this.gaps.set(itemId, (list = []));
    list.push(gap);
    if (list.length > this.options.keep) list.shift();
    if (list.length >= this.options.minRepeats) this.typical.set(itemId, median(list));
  }

  /** the typical time between two purchases of the product in ms, or undefined when too few are known */
  intervalOf(itemId: string): number | undefined {
    return this.typical.get(itemId);
  }

  get size(): number {
    return this.typical.size;
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface DueWindow {
  /** due from this fraction of the typical interval on (a little early is when a reminder helps) */
  from: number;
  /** no longer due after this many intervals: the buyer has probably moved on */
  until: number;
}

export const dueDefaults: DueWindow = { from: 0.8, until: 3 };

/**
 * The buyer's products that are due again, most due first: those closest to one typical interval since
 * their last purchase.
 */
export function dueForRepurchase(
  lastBought: ReadonlyMap<string, number>,
  intervals: RepeatIntervals,
  now: number,
  window: DueWindow = dueDefaults,
): string[] {
  const due: Array<{ itemId: string; distance: number }> = [];
  for (const [itemId, at] of lastBought) {
    const interval = intervals.intervalOf(itemId);
    if (interval === undefined) continue;
    const elapsed = (now - at) / interval;
    if (elapsed >= window.from && elapsed <= window.until) due.push({ itemId, distance: Math.abs(elapsed - 1) });
  }
  return due.sort((a, b) => a.distance - b.distance || (a.itemId < b.itemId ? -1 : 1)).map((d) => d.itemId);
}
