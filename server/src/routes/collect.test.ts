import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { ADMIN_TOKEN, batch, event, freshDb, postCollect, SHOP_ORIGIN, SITE_KEY, testApp } from '../../test/helpers.ts';
import { createApp } from '../app.ts';
import { ManualClock } from '../clock.ts';
import { loadConfig, type Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { createHttpServer } from '../http/server.ts';
import { sha256 } from '../sites/keys.ts';
import { createSite } from '../sites/sites.ts';

async function storedEventCount(db: Db): Promise<number> {
  const rs = await db.client.execute('SELECT count(*) AS n FROM events');
  return Number(rs.rows[0]!.n);
}

const item = { item_id: 'SKU-1', item_name: 'Mug', price: 4.5, currency: 'GBP', quantity: 1 };

const servers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (servers.length) await servers.pop()!();
});

/**
 * Every case runs twice: through `app.request` (Hono's route, as tests and replays call it) and over real HTTP
 * against the server main.ts starts, where POST /v1/collect takes the node:http fast path.
 */
const transports = {
  'app.request': testApp,
  'HTTP, fast path': listening,
};

/** testApp's site and app, served by the server main.ts starts, on a free port. */
async function listening(overrides: Partial<Config> = {}) {
  const db = await freshDb();
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 12));
  await createSite(db, { name: 'Test shop', origins: [SHOP_ORIGIN], id: 'site_test', publicKey: SITE_KEY }, clock.now());
  const shoploop = createApp({ db, clock, config: { ...loadConfig({}), ...overrides }, adminTokenHash: sha256(ADMIN_TOKEN) });
  const server = createHttpServer(shoploop, '127.0.0.1');
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(async () => {
    await new Promise((resolve) => server.close(resolve));
    await shoploop.close();
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { db, clock, app: { request: (path: string, init: RequestInit) => fetch(base + path, init) } };
}

describe.each(Object.entries(transports))('POST /v1/collect via %s', (_transport, testApp) => {
  test('stores a valid batch and echoes the shop origin for CORS', async () => {
    const { app, db } = await testApp();
    const res = await postCollect(app, batch([event('page_view'), event('view_item', { items: [item] })]));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, received: 2, stored: 2, duplicates: 0 });
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    expect(await storedEventCount(db)).toBe(2);
  });

  test('a retried batch is acknowledged and not stored twice', async () => {
    const { app, db } = await testApp();
    const body = batch([event('page_view'), event('add_to_cart', { items: [item] })]);
    await postCollect(app, body);
    const again = await postCollect(app, body);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ stored: 0, duplicates: 2 });
    expect(await storedEventCount(db)).toBe(2);
  });

  test('concurrent requests carrying the same event store it once', async () => {
    const { app, db } = await testApp();
    const shared = event('page_view');
    const results = await Promise.all([1, 2, 3].map(() => postCollect(app, batch([shared])).then((r) => r.json())));
    expect(results.map((r) => (r as { stored: number }).stored).sort()).toEqual([0, 0, 1]);
    expect(await storedEventCount(db)).toBe(1);
  });

  const tooManyEvents = Array.from({ length: 101 }, () => event('page_view'));
  const bad: Array<[string, () => { body: unknown; headers?: Record<string, string> }, number, RegExp]> = [
    ['body is not JSON', () => ({ body: '{nope' }), 400, /not valid JSON/],
    ['empty events', () => ({ body: batch([]) }), 400, /events/],
    ['unknown event name', () => ({ body: batch([event('hack_the_planet')]) }), 400, /name/],
    ['string over its max length', () => ({ body: batch([event('search', { search_term: 'x'.repeat(301) })]) }), 400, /search_term/],
    // JSON.stringify cannot write Infinity, but a raw body can: 1e999 parses to Infinity
    ['non-finite price', () => ({ body: JSON.stringify(batch([event('view_item', { items: [{ ...item, price: 12345 }] })])).replace('12345', '1e999') }), 400, /price/],
    ['price as a string', () => ({ body: batch([event('view_item', { items: [{ ...item, price: '4.50' }] })]) }), 400, /price/],
    ['negative quantity', () => ({ body: batch([event('add_to_cart', { items: [{ ...item, quantity: -1 }] })]) }), 400, /quantity/],
    ['purchase without transaction_id', () => ({ body: batch([event('purchase', { value: 10, currency: 'GBP' })]) }), 400, /transaction_id/],
    ['bad currency', () => ({ body: batch([event('purchase', { transaction_id: 'T1', currency: 'pounds' })]) }), 400, /currency/],
    ['visitor id with odd characters', () => ({ body: batch([event('page_view')], { vid: 'a b<c>' }) }), 400, /vid/],
    ['same event id twice in a batch', () => { const e = event('page_view'); return { body: batch([e, e]) }; }, 400, /twice/],
    ['more than 100 events', () => ({ body: batch(tooManyEvents) }), 413, /at most 100/],
    ['body over 64 KB', () => ({ body: batch([event('page_view', { page_title: 'x'.repeat(70_000) })]) }), 413, /limit/],
    ['unknown site', () => ({ body: batch([event('page_view')], { site: 'pk_nope' }) }), 404, /unknown site/],
    ['origin not allowed', () => ({ body: batch([event('page_view')]), headers: { origin: 'https://evil.example' } }), 403, /not allowed/],
    ['no origin', () => ({ body: batch([event('page_view')]), headers: { origin: '' } }), 403, /Origin/],
  ];
  test.each(bad)('%s → %i, nothing stored', async (_name, make, status, message) => {
    const { app, db } = await testApp();
    const { body, headers } = make();
    const res = await postCollect(app, body, headers);
    expect(res.status).toBe(status);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.message).toMatch(message);
    expect(typeof json.error.code).toBe('string');
    expect(await storedEventCount(db)).toBe(0);
  });

  test('known bots are acknowledged but not stored', async () => {
    const { app, db } = await testApp();
    const res = await postCollect(app, batch([event('page_view')]), { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ ok: true, ignored: 'bot', stored: 0 });
    expect(await storedEventCount(db)).toBe(0);
    const visitors = await db.client.execute('SELECT count(*) AS n FROM visitors');
    expect(Number(visitors.rows[0]!.n)).toBe(0);
  });

  test('too many requests from one visitor → 429 with Retry-After, nothing stored past the limit', async () => {
    const { app, db } = await testApp({ rateLimit: { perVisitorPerMinute: 3, perIpPerMinute: 0 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await postCollect(app, batch([event('page_view')]))).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(await storedEventCount(db)).toBe(3);
    const res = await postCollect(app, batch([event('page_view')]));
    expect(res.headers.get('retry-after')).toBe('30');
    // another visitor is not affected
    expect((await postCollect(app, batch([event('page_view')], { vid: 'v2' }))).status).toBe(200);
  });

  test('too many requests from one address → 429 across visitors', async () => {
    const { app, clock } = await testApp({ rateLimit: { perVisitorPerMinute: 0, perIpPerMinute: 2 }, trustProxy: 1 });
    const from = (ip: string, vid: string) => postCollect(app, batch([event('page_view')], { vid }), { 'x-forwarded-for': ip });
    expect((await from('203.0.113.9', 'a')).status).toBe(200);
    expect((await from('203.0.113.9', 'b')).status).toBe(200);
    expect((await from('203.0.113.9', 'c')).status).toBe(429);
    expect((await from('198.51.100.7', 'd')).status).toBe(200);
    clock.advance(60_000); // the bucket refills with time
    expect((await from('203.0.113.9', 'e')).status).toBe(200);
  });

  test('an X-Forwarded-For the client writes itself does not dodge the address limit', async () => {
    // the proxy appends the address it saw after whatever the client sent: only that right-most hop counts
    const { app } = await testApp({ rateLimit: { perVisitorPerMinute: 0, perIpPerMinute: 2 }, trustProxy: 1 });
    const forged = (n: number) => postCollect(app, batch([event('page_view')], { vid: `v${n}` }), { 'x-forwarded-for': `10.0.0.${n}, 203.0.113.9` });
    expect([(await forged(1)).status, (await forged(2)).status, (await forged(3)).status]).toEqual([200, 200, 429]);
  });

  test('behind two proxies (SHOPLOOP_TRUST_PROXY=2) the address is the second hop from the right', async () => {
    const { app } = await testApp({ rateLimit: { perVisitorPerMinute: 0, perIpPerMinute: 2 }, trustProxy: 2 });
    // client's own say, the visitor as the CDN saw it, the CDN as nginx saw it (a different edge each time)
    const via = (n: number) => postCollect(app, batch([event('page_view')], { vid: `v${n}` }), { 'x-forwarded-for': `10.0.0.${n}, 203.0.113.9, 192.0.2.${n}` });
    expect([(await via(1)).status, (await via(2)).status, (await via(3)).status]).toEqual([200, 200, 429]);
  });

  test('the event row records visitor, session, page, referrer, time zone, client and receipt time; no IP anywhere', async () => {
    const { app, db, clock } = await testApp({ trustProxy: 1 });
    const e = event('view_item', { items: [item] }, { ts: 1_700_000_000_000, sid: 'sess-9', url: `${SHOP_ORIGIN}/p/1`, ref: 'https://search.example/?q=mug' });
    await postCollect(app, batch([e], { vid: 'vis-7', tz: 'Europe/Paris' }), { 'x-forwarded-for': '203.0.113.77' });
    const row = (await db.client.execute('SELECT * FROM events')).rows[0]!;
    expect(row).toMatchObject({
      event_id: e.id,
      visitor_id: 'vis-7',
      session_id: 'sess-9',
      name: 'view_item',
      url: `${SHOP_ORIGIN}/p/1`,
      referrer: 'https://search.example/?q=mug',
      time_zone: 'Europe/Paris',
      client_ts: 1_700_000_000_000,
      received_at: clock.now(),
    });
    expect(JSON.parse(String(row.params))).toEqual({ items: [item] });
    const dump = JSON.stringify([(await db.client.execute('SELECT * FROM events')).rows, (await db.client.execute('SELECT * FROM visitors')).rows]);
    expect(dump).not.toContain('203.0.113.77');
  });

  test('answers a CORS preflight for any origin (the script never needs one, a shop proxy might)', async () => {
    const { app } = await testApp();
    const res = await app.request('/v1/collect', {
      method: 'OPTIONS',
      headers: { origin: SHOP_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
  });

  test('error answers carry CORS headers too, so the script can read why a batch was refused', async () => {
    const { app } = await testApp();
    const res = await postCollect(app, '{nope');
    expect(res.status).toBe(400);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    expect(res.headers.get('vary')).toBe('Origin');
  });
});
