import type { InStatement } from '@libsql/client';

const inList = (n: number) => Array.from({ length: n }, () => '?').join(',');

/**
 * Takes an erased person's stage changes off the daily flows. The per-person rollup rows are deleted with the
 * person (lifecycle/erase-person.ts) and the other aggregates follow them by trigger; the flows are counted
 * from stage changes, so this must run in the erasure's transaction BEFORE its stage_transitions are deleted.
 */
export function subtractErasedFlows(siteId: string, profileIds: readonly string[]): InStatement {
  const ids = inList(Math.max(1, profileIds.length));
  const args = profileIds.length ? profileIds : [''];
  return {
    sql: `UPDATE report_flow_daily SET count = count - t.n
          FROM (SELECT strftime('%Y-%m-%d', at / 1000, 'unixepoch') AS day, coalesce(from_stage, '') AS from_stage, to_stage, count(*) AS n
                FROM stage_transitions WHERE site_id = ? AND profile_id IN (${ids}) GROUP BY 1, 2, 3) AS t
          WHERE report_flow_daily.site_id = ? AND report_flow_daily.day = t.day AND report_flow_daily.from_stage = t.from_stage AND report_flow_daily.to_stage = t.to_stage`,
    args: [siteId, ...args, siteId],
  };
}
