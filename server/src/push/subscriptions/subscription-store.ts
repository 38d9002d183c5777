import type { Db } from '../../db/client.ts';
import type { PushTarget } from '../send/push-sender.ts';

/** Subscriptions kept per visitor: a few browsers' worth; the oldest goes when a new one comes. */
export const MAX_SUBSCRIPTIONS_PER_VISITOR = 5;

export interface NewSubscription {
  siteId: string;
  visitorId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/**
 * Stores a checked subscription. The endpoint is the browser's: if it was stored for another visitor id (the
 * same browser after its storage was cleared), it now belongs to this one.
 */
export async function saveSubscription(db: Db, s: NewSubscription, now: number): Promise<void> {
  await db.write.run([
    {
      sql: `INSERT INTO push_subscriptions (site_id, visitor_id, endpoint, p256dh, auth, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (site_id, endpoint) DO UPDATE SET visitor_id = excluded.visitor_id, p256dh = excluded.p256dh, auth = excluded.auth, updated_at = excluded.updated_at`,
      args: [s.siteId, s.visitorId, s.endpoint, s.p256dh, s.auth, now, now],
    },
    {
      sql: `DELETE FROM push_subscriptions WHERE site_id = ? AND visitor_id = ? AND id NOT IN (
              SELECT id FROM push_subscriptions WHERE site_id = ? AND visitor_id = ? ORDER BY updated_at DESC, id DESC LIMIT ?)`,
      args: [s.siteId, s.visitorId, s.siteId, s.visitorId, MAX_SUBSCRIPTIONS_PER_VISITOR],
    },
  ]);
}

/** Unsubscribes a browser at once: nothing is sent to it after this returns. */
export async function removeSubscription(db: Db, siteId: string, endpoint: string): Promise<number> {
  const [removed] = await db.write.run([{ sql: 'DELETE FROM push_subscriptions WHERE site_id = ? AND endpoint = ?', args: [siteId, endpoint] }]);
  return removed ?? 0;
}

/** A stored browser subscription with its row id (the outbox deletes it on 404/410). */
export interface StoredTarget extends PushTarget {
  id: number;
}
