import { importFeed } from '../../server/src/catalog/trust/testing.ts';
import { applyCampaignSettings } from '../../server/src/campaigns/site-campaign-config.ts';
import { MUG } from '../../server/src/campaigns/testing/push-fixture.ts';
import { planMessage } from '../../server/src/campaigns/triggers/new-message.ts';
import type { Db } from '../../server/src/db/client.ts';
import { setPushSubject } from '../../server/src/push/keys/site-push-keys.ts';
import { saveSubscription } from '../../server/src/push/subscriptions/subscription-store.ts';
import type { LocalPushService, ReceivedMessage } from '../../server/src/push/testing/local-push-service.ts';
import { SITE_ID } from './shop-database.ts';

/**
 * A campaign due now: `people` visitors, each subscribed at the local push service (keys it holds, bound to the
 * site's VAPID key) with one cart reminder planned, as the scheduler's trigger plans it. The site's push contact
 * is set, the product is trusted (a feed), quiet hours are off (the real clock may be at night).
 */
export async function planCampaign(db: Db, service: LocalPushService, people: number): Promise<string[]> {
  const now = Date.now();
  await setPushSubject(db, SITE_ID, 'mailto:owner@shop.example');
  await importFeed(db, SITE_ID, [MUG], now);
  await applyCampaignSettings(db, SITE_ID, { contact: { quietHours: null }, campaigns: { abandoned_cart: { holdoutPercent: 0 } } }, now);
  const key = (await db.client.execute({ sql: 'SELECT public_key FROM push_keys WHERE site_id = ?', args: [SITE_ID] })).rows[0]!.public_key as string;
  const plans = [];
  for (let i = 0; i < people; i++) {
    const sub = service.subscribe({ applicationServerKey: key });
    await saveSubscription(db, { siteId: SITE_ID, visitorId: `v${i}`, endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth }, now);
    plans.push(
      planMessage({ siteId: SITE_ID, profileId: `v:v${i}`, campaign: 'abandoned_cart', triggerKey: 'faults', createdAt: now, sendAt: now, ttlHours: 24, holdoutPercent: 0, urgency: 'normal', topic: 'cart', itemId: MUG.item_id, context: { items: [MUG.item_id] } }),
    );
  }
  await db.write.run(plans);
  const rs = await db.client.execute({ sql: 'SELECT id FROM messages WHERE site_id = ?', args: [SITE_ID] });
  return rs.rows.map((r) => String(r.id));
}

/** How many times the push service received each message id (read from the decrypted payload). */
export function arrivals(messages: ReceivedMessage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of messages) {
    const id = (JSON.parse(m.text) as { id: string }).id;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/**
 * The server's environment to send through the local push service (README "Delivery": its origin allowed, its
 * certificate trusted), looking for due messages every `intervalMs`.
 */
export function pushServiceEnv(dbUrl: string, service: LocalPushService, intervalMs: number): Record<string, string> {
  return { SHOPLOOP_DB_URL: dbUrl, SHOPLOOP_PUSH_ENDPOINTS: service.origin, NODE_EXTRA_CA_CERTS: service.caFile, SHOPLOOP_CAMPAIGN_INTERVAL_MS: String(intervalMs) };
}

/** Messages the push service has not yet confirmed as delivered. */
export async function unconfirmedMessages(db: Db): Promise<number> {
  return Number((await db.client.execute('SELECT count(*) AS n FROM messages WHERE delivered_at IS NULL')).rows[0]!.n);
}
