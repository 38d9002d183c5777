import { ADMIN_TOKEN, batch, event, postCollect, SHOP_ORIGIN, SITE_KEY, testApp } from '../../../test/helpers.ts';
import { importFeed } from '../../catalog/trust/testing.ts';
import type { ReviewSettingsPatch } from '../settings.ts';
import type { PendingRequestView } from '../requests/pending-requests.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Two products of the test shop's feed (trusted names, images, links and categories). */
export const MUG = { item_id: 'mug-1', item_name: 'Blue enamel mug', price: 12.5, currency: 'EUR', item_category: 'Kitchen', url: `${SHOP_ORIGIN}/p/mug-1`, image: 'https://cdn.shop.example/mug.jpg', availability: 'in_stock' };
export const SOFA = { item_id: 'sofa-1', item_name: 'Linen sofa', price: 899, currency: 'EUR', item_category: 'Furniture', url: `${SHOP_ORIGIN}/p/sofa-1`, image: 'https://cdn.shop.example/sofa.jpg', availability: 'in_stock' };

type Json = Record<string, any>;

/**
 * The real app on a manual clock (Monday 2026-11-23 12:00 UTC) with the feed imported and the given review
 * settings: purchases go through the collector, the lifecycle scheduler plans requests, the browser and admin
 * routes are called as a page and the shop's backend call them.
 */
export async function reviewFixture(reviews: ReviewSettingsPatch = {}) {
  const t = await testApp();
  await importFeed(t.db, t.site.id, [MUG, SOFA], t.clock.now());
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Json; text: string; headers: Headers }> {
    const res = await t.app.request(path, { method, headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
    const text = await res.text();
    let parsed: Json = {};
    try {
      parsed = JSON.parse(text) as Json;
    } catch {
      // not JSON: the caller reads `text`
    }
    return { status: res.status, body: parsed, text, headers: res.headers };
  }
  const page = (method: string, path: string, body?: unknown) => call(method, path, body, { origin: SHOP_ORIGIN, 'content-type': 'text/plain' });
  const admin = (method: string, path: string, body?: unknown) => call(method, path, body, { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' });

  async function settings(body: unknown) {
    const res = await admin('PUT', `/admin/api/sites/${t.site.id}/settings`, body);
    if (res.status !== 200) throw new Error(`settings → ${res.status} ${res.text}`);
    return res.body;
  }

  /** Events from one visitor's page through the collector, then the lifecycle round that folds them. */
  async function send(vid: string, ...events: ReturnType<typeof event>[]) {
    const res = await postCollect(t.app, batch(events, { vid }));
    if (res.status !== 200) throw new Error(`collect → ${res.status} ${await res.text()}`);
    await t.scheduler.runDue();
  }

  const buy = (vid: string, orderId: string, items: Array<Record<string, unknown>> = [MUG]) => send(vid, event('purchase', { transaction_id: orderId, value: 10, currency: 'EUR', items }));

  async function advance(ms: number) {
    t.clock.advance(ms);
    await t.scheduler.runDue();
  }

  /** What the widget's card would show this visitor now. */
  async function requests(vid: string): Promise<PendingRequestView[]> {
    const res = await page('GET', `/v1/reviews/requests?site=${SITE_KEY}&visitor=${vid}`);
    if (res.status !== 200) throw new Error(`requests → ${res.status} ${res.text}`);
    return res.body.requests as PendingRequestView[];
  }

  const review = (body: Json) => page('POST', '/v1/reviews', { site: SITE_KEY, ...body });

  /** The rows a refusal must not have written. */
  async function stored() {
    const count = async (sql: string) => Number((await t.db.client.execute(sql)).rows[0]!.n);
    return {
      reviews: await count('SELECT count(*) AS n FROM reviews'),
      events: await count(`SELECT count(*) AS n FROM events WHERE name = 'review_submitted'`),
      optOuts: await count('SELECT count(*) AS n FROM review_opt_outs'),
      requests: await count(`SELECT count(*) AS n FROM review_requests WHERE status = 'scheduled' AND snoozed_until IS NULL`),
    };
  }

  if (Object.keys(reviews).length > 0) await settings({ reviews });
  return { ...t, call, page, admin, settings, send, buy, advance, requests, review, stored, event };
}
