import type { Db } from '../../db/client.ts';
import { customerProfileId, visitorProfileId } from '../../lifecycle/profile-ids.ts';

export interface Subscriber {
  visitorId: string;
  profileId: string;
}

/**
 * The site's subscribed browsers that looked at or carted `itemId` since `since`: the people a restock or a
 * price drop is news to. Only subscribers are read, so the cost follows the opt-ins, not the traffic.
 */
export async function subscribersInterestedIn(db: Db, siteId: string, itemId: string, since: number): Promise<Subscriber[]> {
  const rs = await db.client.execute({
    sql: `SELECT DISTINCT s.visitor_id, v.customer_id FROM push_subscriptions s
          LEFT JOIN visitors v ON v.site_id = s.site_id AND v.visitor_id = s.visitor_id
          WHERE s.site_id = ? AND EXISTS (
            SELECT 1 FROM events e WHERE e.site_id = s.site_id AND e.visitor_id = s.visitor_id AND e.received_at >= ?
              AND e.name IN ('view_item', 'add_to_cart')
              AND EXISTS (SELECT 1 FROM json_each(e.params, '$.items') j WHERE json_extract(j.value, '$.item_id') = ?))`,
    args: [siteId, since, itemId],
  });
  return rs.rows.map((r) => ({ visitorId: String(r.visitor_id), profileId: r.customer_id ? customerProfileId(String(r.customer_id)) : visitorProfileId(String(r.visitor_id)) }));
}

/** Every subscribed browser of the site with its person. */
export async function allSubscribers(db: Db, siteId: string): Promise<Subscriber[]> {
  const rs = await db.client.execute({
    sql: `SELECT DISTINCT s.visitor_id, v.customer_id FROM push_subscriptions s
          LEFT JOIN visitors v ON v.site_id = s.site_id AND v.visitor_id = s.visitor_id WHERE s.site_id = ?`,
    args: [siteId],
  });
  return rs.rows.map((r) => ({ visitorId: String(r.visitor_id), profileId: r.customer_id ? customerProfileId(String(r.customer_id)) : visitorProfileId(String(r.visitor_id)) }));
}
