import type { InStatement } from '@libsql/client';

/**
 * Reports of fields that just got a new trusted value from elsewhere (a feed) are stale: the count of those
 * fields starts afresh, as after a promotion.
 */
export function clearReports(siteId: string, fields: ReadonlyArray<{ itemId: string; field: string }>): InStatement[] {
  const out: InStatement[] = [];
  for (let i = 0; i < fields.length; i += 400) {
    const chunk = fields.slice(i, i + 400);
    out.push({
      sql: `DELETE FROM catalog_reports WHERE site_id = ? AND (item_id, field) IN (VALUES ${chunk.map(() => '(?, ?)').join(', ')})`,
      args: [siteId, ...chunk.flatMap((f) => [f.itemId, f.field])],
    });
  }
  return out;
}
