import type { Db } from '../../db/client.ts';
import type { Stage } from '../stages.ts';
import type { Period } from './period.ts';
import { isStage } from './stage-counts.ts';

/** How many people moved from one stage to another in a period; `from: null` is a first classification. */
export interface TransitionCount {
  from: Stage | null;
  to: Stage;
  count: number;
}

/** Stage changes whose time is in [from, to), grouped by from→to, largest first. */
export async function transitionCounts(db: Db, siteId: string, period: Period): Promise<TransitionCount[]> {
  const rs = await db.client.execute({
    sql: `SELECT from_stage, to_stage, count(*) AS n FROM stage_transitions
          WHERE site_id = ? AND at >= ? AND at < ? GROUP BY from_stage, to_stage ORDER BY n DESC, from_stage, to_stage`,
    args: [siteId, period.from, period.to],
  });
  const out: TransitionCount[] = [];
  for (const r of rs.rows) {
    if (!isStage(r.to_stage)) continue;
    out.push({ from: isStage(r.from_stage) ? r.from_stage : null, to: r.to_stage, count: Number(r.n) });
  }
  return out;
}
