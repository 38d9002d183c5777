import type { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { paramsSchema, type CollectEvent } from '../../collect/schema.ts';
import { ApiError, badRequest, notFound, unauthorized } from '../../http/errors.ts';
import { findSite } from '../../sites/sites.ts';
import { parseJsonKeepingLongIntegers } from './lossless-json.ts';
import { cancelEvent, orderEvents, orderVisitor, refundEvent, visitorAttribute, type ItemIdSource } from './order-events.ts';
import { orderSchema, refundSchema } from './order-schema.ts';
import { orderSession, purchaseVisitor } from './order-visitor-session.ts';
import { signatureMatches } from './verify-signature.ts';
import { readShopifySecret } from './webhook-secret.ts';

/** The topics this endpoint takes, by `X-Shopify-Topic`. */
export const shopifyTopics = ['orders/create', 'orders/paid', 'orders/cancelled', 'refunds/create'] as const;
type Topic = (typeof shopifyTopics)[number];
const isTopic = (topic: string | undefined): topic is Topic => (shopifyTopics as readonly string[]).includes(topic ?? '');

/** One delivery as it arrived: the body is read only once the site is known. */
export interface ShopifyDelivery {
  siteId: string;
  topic: string | undefined;
  signature: string | undefined;
  readBody(): Promise<string>;
  itemIdSource: ItemIdSource;
}

export type ShopifyAnswer =
  | { ok: true; topic: Topic; order: string; stored: number; duplicates: number }
  /** signed and understood, nothing to store: a test order from no visitor, a refund or cancellation of an order Shoploop never saw, a refund that moved no money */
  | { ok: true; topic: Topic; order: string; ignored: 'test_order' | 'unknown_order' | 'no_money_back' };

/**
 * A Shopify webhook, checked and stored. Refused, with nothing stored: an unknown site (404), a site without a
 * webhook secret or a delivery whose `X-Shopify-Hmac-Sha256` is not the body's signature under it (401), a topic
 * this endpoint does not take or a body that is no order or refund (400). A delivery repeated by Shopify writes
 * the same event ids again, which the writer acknowledges as duplicates.
 */
export async function receiveShopifyWebhook(deps: Pick<AppDeps, 'db' | 'writer' | 'clock'>, delivery: ShopifyDelivery): Promise<ShopifyAnswer> {
  const { db, clock } = deps;
  const site = await findSite(db, delivery.siteId);
  if (!site) throw notFound(`no site "${delivery.siteId}"`);
  const secret = await readShopifySecret(db, site.id);
  if (!secret) throw unauthorized(`no Shopify webhook secret is set for this site: npm run shoploop -- site shopify-secret ${site.id} SECRET`);
  const body = await delivery.readBody();
  if (!signatureMatches(body, delivery.signature, secret)) {
    throw unauthorized('X-Shopify-Hmac-Sha256 is missing or is not the signature of this body under the site’s Shopify secret');
  }
  const topic = delivery.topic;
  if (!isTopic(topic)) throw badRequest(`X-Shopify-Topic "${topic ?? ''}" is not taken here; send ${shopifyTopics.join(', ')}`);

  let json: unknown;
  try {
    json = parseJsonKeepingLongIntegers(body);
  } catch {
    throw badRequest('the body is not valid JSON');
  }
  const now = clock.now();

  let visitorId: string;
  let orderId: string;
  let events: CollectEvent[];
  if (topic === 'refunds/create') {
    const refund = parse(refundSchema, json, 'refund');
    orderId = refund.order_id;
    const known = await purchaseVisitor(db, site.id, orderId);
    if (!known) return { ok: true, topic, order: orderId, ignored: 'unknown_order' };
    visitorId = known;
    const sessionId = await orderSession(db, site.id, visitorId, orderId, now);
    const event = refundEvent(refund, { sessionId, itemIdSource: delivery.itemIdSource, now });
    if (!event) return { ok: true, topic, order: orderId, ignored: 'no_money_back' };
    events = [event];
  } else {
    const order = parse(orderSchema, json, 'order');
    orderId = order.id;
    // a test checkout through the storefront carries the visitor and is stored, so an install can be checked;
    // Shopify's "Send test notification" sample, and test orders made in the admin, carry none
    if (order.test && !visitorAttribute(order)) return { ok: true, topic, order: orderId, ignored: 'test_order' };
    if (topic === 'orders/cancelled') {
      const known = await purchaseVisitor(db, site.id, orderId);
      if (!known) return { ok: true, topic, order: orderId, ignored: 'unknown_order' };
      visitorId = known;
      events = [cancelEvent(order, order.cancelled_at ?? now, await orderSession(db, site.id, visitorId, orderId, now))];
    } else {
      visitorId = orderVisitor(order);
      const sessionId = await orderSession(db, site.id, visitorId, orderId, now);
      events = orderEvents(order, { sessionId, itemIdSource: delivery.itemIdSource, now });
    }
  }

  // the events are built within the collector's limits; this holds them to the same schema as any batch
  for (const e of events) {
    const checked = paramsSchema.safeParse(e.params);
    if (!checked.success) throw badRequest(`the ${topic} payload makes an invalid ${e.name}: ${checked.error.issues[0]?.message ?? ''}`);
  }
  const result = await deps.writer.write(site.id, { site: site.publicKey, vid: visitorId, v: 'shopify-webhook', events }).catch((error: unknown) => {
    console.error('shopify webhook: write failed', error);
    throw new ApiError(503, 'unavailable', 'the order could not be stored right now; Shopify retries the delivery');
  });
  return { ok: true, topic, order: orderId, ...result };
}

function parse<T extends z.ZodType>(schema: T, json: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const message = issues.slice(0, 5).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw badRequest(`not a Shopify ${what}: ${message}`, { issues });
}
