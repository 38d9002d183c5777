import type { InStatement } from '@libsql/client';
import type { Db } from '../../db/client.ts';
import { cancelOrderMessages } from './cancel-statements.ts';

export type OrderEnd = 'refunded' | 'cancelled';

/**
 * A refunded or cancelled order is never asked about: its request (if its purchase came already) is
 * cancelled with its waiting push messages, and the order is remembered, so a purchase evaluated later
 * schedules nothing. Idempotent.
 */
export function cancelOrderStatements(siteId: string, orderId: string, reason: OrderEnd, now: number): InStatement[] {
  return [
    { sql: 'INSERT OR IGNORE INTO review_cancelled_orders (site_id, order_id, reason, at) VALUES (?, ?, ?, ?)', args: [siteId, orderId, reason, now] },
    {
      sql: `UPDATE review_requests SET status = 'cancelled', reason = ?, updated_at = ? WHERE site_id = ? AND order_id = ? AND status = 'scheduled'`,
      args: [`the order was ${reason}`, now, siteId, orderId],
    },
    cancelOrderMessages(siteId, orderId, `the order was ${reason}`, now),
  ];
}

/** The admin call's version (a shop without a signed order webhook): returns what changed. */
export async function cancelOrderRequests(db: Db, siteId: string, orderId: string, reason: OrderEnd, now: number): Promise<{ requests: number; messages: number }> {
  const [, requests, messages] = await db.write.run(cancelOrderStatements(siteId, orderId, reason, now));
  return { requests: requests!, messages: messages! };
}
