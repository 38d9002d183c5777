import type { InStatement } from '@libsql/client';

const inList = (n: number) => Array.from({ length: n }, () => '?').join(',');

/**
 * What erasing a person takes out of the report rollups: their rows (the triggers take them off the
 * aggregates) and their stage changes off the daily flows. Must run in the erasure's transaction BEFORE its
 * stage_transitions are deleted: the flows are subtracted by reading them.
 */
export function eraseReportRollups(siteId: string, profileIds: readonly string[]): InStatement[] {
  if (profileIds.length === 0) return [];
  const ids = inList(profileIds.length);
  const byProfile = (table: string): InStatement => ({ sql: `DELETE FROM ${table} WHERE site_id = ? AND profile_id IN (${ids})`, args: [siteId, ...profileIds] });
  return [
    {
      sql: `UPDATE report_flow_daily SET count = count - t.n
            FROM (SELECT strftime('%Y-%m-%d', at / 1000, 'unixepoch') AS day, coalesce(from_stage, '') AS from_stage, to_stage, count(*) AS n
                  FROM stage_transitions WHERE site_id = ? AND profile_id IN (${ids}) GROUP BY 1, 2, 3) AS t
            WHERE report_flow_daily.site_id = ? AND report_flow_daily.day = t.day AND report_flow_daily.from_stage = t.from_stage AND report_flow_daily.to_stage = t.to_stage`,
      args: [siteId, ...profileIds, siteId],
    },
    byProfile('report_people'),
    byProfile('report_orders'),
    byProfile('report_buyers'),
  ];
}
