import type { Db } from '../../db/client.ts';
import { hasBit, MAX_COHORT_MONTHS, monthIndex, monthName } from './rollups/repeat-mask.ts';

export interface Cohort {
  /** first-order month, YYYY-MM (UTC) */
  month: string;
  buyers: number;
  /**
   * repeat[k], k ≥ 1: share of the cohort's buyers who ordered in month k after their first-order month;
   * repeat[0]: share who ordered twice or more within it. null where month k has not begun yet.
   */
  repeat: Array<number | null>;
}

/** The cohorts whose first-order month lies in [fromMonth, toMonth] (YYYY-MM), oldest first, as of `now`. */
export async function cohortTable(db: Db, siteId: string, fromMonth: string, toMonth: string, now: number): Promise<Cohort[]> {
  const rs = await db.client.execute({
    sql: `SELECT cohort_month, repeat_mask, buyers FROM report_cohorts WHERE site_id = ? AND cohort_month >= ? AND cohort_month <= ? AND buyers > 0 ORDER BY cohort_month`,
    args: [siteId, fromMonth, toMonth],
  });
  const current = monthIndex(now);
  const byMonth = new Map<string, { buyers: number; patterns: Array<[mask: number, buyers: number]> }>();
  for (const r of rs.rows) {
    const month = String(r.cohort_month);
    const c = byMonth.get(month) ?? byMonth.set(month, { buyers: 0, patterns: [] }).get(month)!;
    c.buyers += Number(r.buyers);
    c.patterns.push([Number(r.repeat_mask), Number(r.buyers)]);
  }
  const oldest = Math.min(...[...byMonth.keys()].map(parseMonth));
  const width = byMonth.size ? Math.min(MAX_COHORT_MONTHS, Math.max(0, current - oldest)) + 1 : 0;
  return [...byMonth].map(([month, c]) => {
    const age = current - parseMonth(month);
    const repeat = Array.from({ length: width }, (_, k) =>
      k > age ? null : c.patterns.reduce((n, [mask, buyers]) => n + (hasBit(mask, k) ? buyers : 0), 0) / c.buyers,
    );
    return { month, buyers: c.buyers, repeat };
  });
}

export function parseMonth(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** The month `months` before the month of `ms`, as YYYY-MM. */
export const monthsBefore = (ms: number, months: number) => monthName(monthIndex(ms) - months);
