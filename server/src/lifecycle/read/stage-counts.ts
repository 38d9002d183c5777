import type { Db } from '../../db/client.ts';
import { stages, type Stage } from '../stages.ts';

/** People per stage, every stage present (0 when nobody is in it), in the order of `stages`. */
export type StageCounts = Record<Stage, number>;

export function zeroCounts(): StageCounts {
  return { potential: 0, here_and_now: 0, at_risk: 0, dormant: 0, loyal: 0 };
}

export const isStage = (value: unknown): value is Stage => typeof value === 'string' && (stages as readonly string[]).includes(value);

/** The stored stages of a site now: what the scheduler last decided for each person. */
export async function currentStageCounts(db: Db, siteId: string): Promise<StageCounts> {
  const rs = await db.client.execute({
    sql: 'SELECT stage, count(*) AS n FROM profiles WHERE site_id = ? AND stage IS NOT NULL GROUP BY stage',
    args: [siteId],
  });
  const counts = zeroCounts();
  for (const r of rs.rows) if (isStage(r.stage)) counts[r.stage] = Number(r.n);
  return counts;
}
