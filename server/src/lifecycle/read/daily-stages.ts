import type { Db } from '../../db/client.ts';
import { daysOf, type Period } from './period.ts';
import { isStage, zeroCounts, type StageCounts } from './stage-counts.ts';

export type DailyStageCounts = { day: string } & StageCounts;

/**
 * The end-of-day stage counts (written by the lifecycle maintenance) of each UTC day the period touches,
 * oldest first. A day without a snapshot is left out rather than shown as zero: zero would be a claim.
 */
export async function dailyStageCounts(db: Db, siteId: string, period: Period): Promise<DailyStageCounts[]> {
  const { first, last } = daysOf(period);
  const rs = await db.client.execute({
    sql: 'SELECT day, stage, count FROM stage_daily WHERE site_id = ? AND day >= ? AND day <= ? ORDER BY day',
    args: [siteId, first, last],
  });
  const days: DailyStageCounts[] = [];
  for (const r of rs.rows) {
    const day = String(r.day);
    let row = days.at(-1);
    if (row?.day !== day) days.push((row = { day, ...zeroCounts() }));
    if (isStage(r.stage)) row[r.stage] = Number(r.count);
  }
  return days;
}
