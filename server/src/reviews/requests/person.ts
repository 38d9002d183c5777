import type { Db } from '../../db/client.ts';

/**
 * The devices of the person behind a visitor, as a sub-select: the visitor itself, and every device of their
 * customer once identified. Review requests, reviews and "don't ask" flags are stored per device (the
 * buyer's), so they follow the person across devices and identification without ever being moved. The
 * arguments name the statement's parameters (e.g. '?1', '?2').
 */
export const personVisitorsSql = (site: string, visitor: string) => `SELECT ${visitor} AS visitor_id UNION SELECT v2.visitor_id FROM visitors v1
  JOIN visitors v2 ON v2.site_id = v1.site_id AND v2.customer_id = v1.customer_id
  WHERE v1.site_id = ${site} AND v1.visitor_id = ${visitor} AND v1.customer_id IS NOT NULL`;

export async function personVisitors(db: Db, siteId: string, visitorId: string): Promise<string[]> {
  const rs = await db.client.execute({ sql: personVisitorsSql('?1', '?2'), args: [siteId, visitorId] });
  return rs.rows.map((r) => String(r.visitor_id));
}
