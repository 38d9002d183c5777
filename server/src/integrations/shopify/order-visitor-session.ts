import type { Db } from '../../db/client.ts';
import { readLifecycleSettings } from '../../lifecycle/site-lifecycle-config.ts';
import { shopifyIds } from './shopify-ids.ts';

/**
 * The session an order's events join: the visitor's own while it is still running (the checkout ended the
 * visit the storefront saw, as a thank-you page would), else a session of the order's own. Joining an ended
 * session would make it live again in the lifecycle.
 */
export async function orderSession(db: Db, siteId: string, visitorId: string, orderId: string, now: number): Promise<string> {
  const rs = await db.client.execute({
    sql: 'SELECT last_session_id, last_seen_at FROM visitors WHERE site_id = ? AND visitor_id = ?',
    args: [siteId, visitorId],
  });
  const row = rs.rows[0];
  if (row?.last_session_id) {
    const { sessionTimeoutMinutes } = await readLifecycleSettings(db, siteId);
    if (now - Number(row.last_seen_at) < sessionTimeoutMinutes * 60_000) return String(row.last_session_id);
  }
  return shopifyIds.orderSession(orderId);
}

/** The visitor whose purchase of this order Shoploop stored, if it did. */
export async function purchaseVisitor(db: Db, siteId: string, orderId: string): Promise<string | undefined> {
  const rs = await db.client.execute({
    sql: 'SELECT visitor_id FROM events WHERE site_id = ? AND event_id = ?',
    args: [siteId, shopifyIds.purchaseEvent(orderId)],
  });
  const row = rs.rows[0];
  return row ? String(row.visitor_id) : undefined;
}
