/** Months after the first-order month a cohort follows (the migration's backfill uses the same bound). */
export const MAX_COHORT_MONTHS = 48;

/** Months since year 0, UTC: consecutive months differ by one. */
export const monthIndex = (ms: number) => {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

/** A month index as YYYY-MM: how report_buyers.cohort_month is written and the cohorts report asks for it. */
export const monthName = (index: number) => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The UTC month of a time, YYYY-MM. */
export const monthOfTime = (ms: number) => monthName(monthIndex(ms));

/**
 * A buyer's repeat pattern as one integer: bit k (1 ≤ k ≤ 48) set when they ordered in month k after their
 * first-order month, bit 0 when they ordered twice or more within that month. Arithmetic, not `<<`: JavaScript's
 * shifts are 32-bit, SQLite's integers (and a double's exact range, 2^53) hold all 49 bits.
 */
export function repeatMask(orderTimes: readonly number[]): number {
  if (orderTimes.length === 0) return 0;
  const first = monthIndex(Math.min(...orderTimes));
  const months = new Set<number>();
  let inFirstMonth = 0;
  for (const at of orderTimes) {
    const k = monthIndex(at) - first;
    if (k === 0) inFirstMonth++;
    else if (k <= MAX_COHORT_MONTHS) months.add(k);
  }
  let mask = inFirstMonth >= 2 ? 1 : 0;
  for (const k of months) mask += 2 ** k;
  return mask;
}

/** Whether bit k of a mask is set (the inverse of `repeatMask`'s arithmetic). */
export const hasBit = (mask: number, k: number) => Math.floor(mask / 2 ** k) % 2 === 1;
