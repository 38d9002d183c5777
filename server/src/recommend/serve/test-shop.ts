import { expect } from 'vitest';
import { batch, event, postCollect, SHOP_ORIGIN, SITE_KEY, testApp } from '../../../test/helpers.ts';
import { importFeed } from '../../catalog/trust/testing.ts';
import { parseBatch } from '../../collect/parse-batch.ts';
import { recommendationRoutes } from '../../routes/recommendations.ts';
import { SiteCache } from '../../sites/site-cache.ts';
import { type RecommendationServiceOptions, RecommendationService } from './recommendation-service.ts';

/** A small catalog: two mugs of one brand, a third mug of another, tees, and a sock, all in stock. */
export const catalog = {
  m1: { item_id: 'm1', item_name: 'Blue mug', price: 10, item_category: 'mugs', item_brand: 'Acme', url: `${SHOP_ORIGIN}/m1`, image: `${SHOP_ORIGIN}/m1.jpg` },
  m2: { item_id: 'm2', item_name: 'Red mug', price: 12, item_category: 'mugs', item_brand: 'Acme' },
  m3: { item_id: 'm3', item_name: 'Gold mug', price: 90, item_category: 'mugs', item_brand: 'Lux' },
  m4: { item_id: 'm4', item_name: 'Green mug', price: 11, item_category: 'mugs', item_brand: 'Other' },
  t1: { item_id: 't1', item_name: 'White tee', price: 20, item_category: 'tees', item_brand: 'Acme' },
  t2: { item_id: 't2', item_name: 'Black tee', price: 22, item_category: 'tees', item_brand: 'Acme' },
  s1: { item_id: 's1', item_name: 'Socks', price: 5, item_category: 'socks', item_brand: 'Acme' },
} as const;
export type Sku = keyof typeof catalog;

export const view = (sku: Sku, extra: Record<string, unknown> = {}) => event('view_item', { items: [{ ...catalog[sku], ...extra }] });
export const cart = (sku: Sku) => event('add_to_cart', { items: [{ ...catalog[sku], quantity: 1 }] });
export const removeFromCart = (sku: Sku) => event('remove_from_cart', { items: [{ ...catalog[sku], quantity: 1 }] });
let orders = 0;
export const purchase = (...skus: Sku[]) => event('purchase', { transaction_id: `T${++orders}`, value: 10, currency: 'GBP', items: skus.map((s) => ({ ...catalog[s], quantity: 1 })) });

/**
 * The test app with a recommendation service wired the way the lead wires it: every committed batch is
 * ingested, and GET /v1/recommendations is mounted on the app.
 */
export async function testShop(options: Partial<RecommendationServiceOptions> = {}) {
  const t = await testApp();
  // what the blocks show comes from the shop's feed: one visitor's events never make a field trusted (catalog/trust/)
  await importFeed(t.db, t.site.id, Object.values(catalog), t.clock.now());
  // no background product re-reads unless a test asks: one could outlive the test's database
  const service = new RecommendationService(t.db, t.clock, { productRefreshMs: Infinity, ...options });
  await service.model(t.site.id); // an empty model, so everything after arrives through ingest
  // mounted apart from the app's own service (same route code) so the test controls its options
  t.app.route('/test-v1', recommendationRoutes({ db: t.db, siteCache: new SiteCache(t.db, () => t.clock.now()) }, service));
  let session = 0;
  /** one visitor's events in one collector batch (a fresh session unless `sid` is given), then ingested */
  const send = async (vid: string, events: ReturnType<typeof event>[], sid = `s${++session}`) => {
    const body = batch(events.map((e) => ({ ...e, sid })), { vid });
    const res = await postCollect(t.app, body);
    expect(res.status).toBe(200);
    service.ingest(t.site.id, vid, parseBatch(JSON.stringify(body)).events, t.clock.now());
  };
  /** the shop's feed says this of some products (trusted at once), and the service re-reads its products */
  const feed = async (rows: Array<Record<string, unknown>>) => {
    await importFeed(t.db, t.site.id, rows, t.clock.now());
    await service.refreshProducts(t.site.id);
  };
  /** GET /v1/recommendations from the shop's page; `query` without site */
  const get = async (query: Record<string, string | number>, origin: string | null = SHOP_ORIGIN) => {
    const params = new URLSearchParams({ site: SITE_KEY, ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) });
    const res = await t.app.request(`/test-v1/recommendations?${params}`, { headers: origin ? { origin } : {} });
    return { status: res.status, headers: res.headers, body: (await res.json()) as { rec_id: string; scenario: string; items: Array<{ item_id: string; name: string | null; price: number | null; image: string | null; url: string | null }>; error?: { code: string } } };
  };
  /** item ids of a successful request */
  const ids = async (query: Record<string, string | number>) => {
    const r = await get(query);
    expect(r.status).toBe(200);
    return r.body.items.map((i) => i.item_id);
  };
  /** the shared history: m1 is viewed with m2 in many sessions, bought with t1, carted with s1 */
  const seedHistory = async () => {
    for (const vid of ['a1', 'a2', 'a3']) await send(vid, [view('m1'), view('m2')]);
    await send('a4', [view('m1'), view('m3')]);
    for (const vid of ['b1', 'b2']) await send(vid, [view('m1'), cart('m1'), cart('t1'), purchase('m1', 't1')]);
    await send('c1', [view('m1'), cart('m1'), cart('s1')]);
    for (const vid of ['d1', 'd2', 'd3', 'd4']) await send(vid, [view('t2')]);
  };
  return { ...t, service, send, feed, get, ids, seedHistory };
}
