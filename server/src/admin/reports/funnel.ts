import type { Db } from '../../db/client.ts';
import { daysOf, type Period } from '../../lifecycle/read/period.ts';
import { currentStageCounts, isStage, type StageCounts } from '../../lifecycle/read/stage-counts.ts';
import type { Stage } from '../../lifecycle/stages.ts';

export const loyaltySteps = ['visitors', 'engaged', 'first_order', 'repeat', 'loyal'] as const;
export type LoyaltyStep = (typeof loyaltySteps)[number];

export interface FunnelReport {
  stages: StageCounts;
  flows: Array<{ from: Stage | null; to: Stage; count: number }>;
  loyalty: Array<{ step: LoyaltyStep; people: number; conversion: number | null; dormant: number }>;
}

/**
 * People per stage now; the stage changes of the UTC days the period touches (largest first); and the loyalty
 * funnel of the people first seen on those days: how many reached each step (a later step counts for the earlier
 * ones: a buyer whose visit was never seen live is still engaged), the conversion from the step before, and how
 * many of those whose furthest step it is went dormant after reaching it.
 */
export async function funnelReport(db: Db, siteId: string, period: Period): Promise<FunnelReport> {
  const { first, last } = daysOf(period);
  const [stages, flows, loyalty] = await Promise.all([currentStageCounts(db, siteId), flowCounts(db, siteId, first, last), loyaltyFunnel(db, siteId, first, last)]);
  return { stages, flows, loyalty };
}

async function flowCounts(db: Db, siteId: string, first: string, last: string): Promise<FunnelReport['flows']> {
  const rs = await db.client.execute({
    sql: `SELECT from_stage, to_stage, sum(count) AS n FROM report_flow_daily WHERE site_id = ? AND day >= ? AND day <= ?
          GROUP BY from_stage, to_stage HAVING n > 0 ORDER BY n DESC, from_stage, to_stage`,
    args: [siteId, first, last],
  });
  return rs.rows.filter((r) => isStage(r.to_stage)).map((r) => ({ from: isStage(r.from_stage) ? r.from_stage : null, to: r.to_stage as Stage, count: Number(r.n) }));
}

async function loyaltyFunnel(db: Db, siteId: string, first: string, last: string): Promise<FunnelReport['loyalty']> {
  const rs = await db.client.execute({
    sql: `SELECT top_step, churned, sum(people) AS n FROM report_loyalty_daily WHERE site_id = ? AND day >= ? AND day <= ? GROUP BY top_step, churned`,
    args: [siteId, first, last],
  });
  const furthest = loyaltySteps.map(() => 0);
  const churned = loyaltySteps.map(() => 0);
  for (const r of rs.rows) {
    const step = Number(r.top_step);
    furthest[step] = (furthest[step] ?? 0) + Number(r.n);
    if (Number(r.churned) === 1) churned[step] = (churned[step] ?? 0) + Number(r.n);
  }
  const reached = furthest.map((_, k) => furthest.slice(k).reduce((a, b) => a + b, 0));
  return loyaltySteps.map((step, k) => ({
    step,
    people: reached[k]!,
    conversion: k === 0 || reached[k - 1] === 0 ? null : reached[k]! / reached[k - 1]!,
    dormant: churned[k]!,
  }));
}
