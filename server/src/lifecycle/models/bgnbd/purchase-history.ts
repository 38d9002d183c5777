import { DAY_MS, DAYS_PER_UNIT, type TimeUnit } from '../time-unit.ts';

/** One buyer's purchase history as BG/NBD sees it; in the paper's notation (x, t_x, T). */
export interface PurchaseHistory {
  /** x: repeat purchases, i.e. purchase days after the first. */
  frequency: number;
  /** t_x: time from the first to the last purchase. */
  recency: number;
  /** T: time from the first purchase to the end of observation ("now"). */
  age: number;
}

/**
 * Summarises purchase timestamps (ms) as of `now`. Purchases are counted per UTC calendar day, as
 * lifetimes does with freq='D': two orders on one day are one purchase occasion, so a split basket does
 * not look like loyalty. Purchases after `now` are ignored; null when none remain.
 */
export function purchaseHistoryFromTimes(purchaseTimes: readonly number[], now: number, unit: TimeUnit): PurchaseHistory | null {
  const nowDay = Math.floor(now / DAY_MS);
  const days = new Set<number>();
  for (const at of purchaseTimes) {
    const day = Math.floor(at / DAY_MS);
    if (day <= nowDay) days.add(day);
  }
  if (days.size === 0) return null;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const day of days) {
    if (day < first) first = day;
    if (day > last) last = day;
  }
  const daysPerUnit = DAYS_PER_UNIT[unit];
  return { frequency: days.size - 1, recency: (last - first) / daysPerUnit, age: (nowDay - first) / daysPerUnit };
}

/** Throws on a history the model cannot take, naming the buyer's index: input errors, not model errors. */
export function assertValidHistory(history: PurchaseHistory, index: number): void {
  const { frequency, recency, age } = history;
  const problem =
    !Number.isInteger(frequency) || frequency < 0 ? 'frequency must be a non-negative integer'
    : !Number.isFinite(recency) || recency < 0 ? 'recency must be finite and ≥ 0'
    : !Number.isFinite(age) || age < recency ? 'age must be finite and ≥ recency'
    : frequency === 0 && recency !== 0 ? 'recency must be 0 when frequency is 0'
    : null;
  if (problem !== null) throw new RangeError(`purchase history ${index}: ${problem} (got ${JSON.stringify(history)})`);
}
