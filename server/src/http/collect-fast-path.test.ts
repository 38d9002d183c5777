import { getRequestListener } from '@hono/node-server';
import { createServer, request, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { ADMIN_TOKEN, batch, event, freshDb, SHOP_ORIGIN, SITE_KEY } from '../../test/helpers.ts';
import { createApp } from '../app.ts';
import { ManualClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { sha256 } from '../sites/keys.ts';
import { createSite } from '../sites/sites.ts';
import { withCollectFastPath } from './collect-fast-path.ts';

const closers: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** One app on a fresh database, served over HTTP by Hono alone or with the fast path in front. */
async function serve(fastPath: boolean) {
  const db = await freshDb();
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 12));
  await createSite(db, { name: 'Test shop', origins: [SHOP_ORIGIN], id: 'site_test', publicKey: SITE_KEY }, clock.now());
  const config = { ...loadConfig({}), rateLimit: { perVisitorPerMinute: 3, perIpPerMinute: 0 } };
  const shoploop = createApp({ db, clock, config, adminTokenHash: sha256(ADMIN_TOKEN) });
  const hono = getRequestListener(shoploop.app.fetch);
  const fallback = { calls: 0 };
  const honoCounted: RequestListener = (req, res) => {
    fallback.calls++;
    return hono(req, res);
  };
  const server = createServer(fastPath ? withCollectFastPath(shoploop.deps.collector, 0, honoCounted) : honoCounted);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => shoploop.close(), () => new Promise((resolve) => server.close(resolve)));
  return { port: (server.address() as AddressInfo).port, fallback, db };
}

interface Sent {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** written in these pieces; without a content-length when there are several (chunked) */
  body?: string | string[];
}

/** The raw answer: status, headers as sent (names, order, values) without Date, body text. */
function send(port: number, { method = 'POST', path = '/v1/collect', headers = {}, body = '' }: Sent) {
  return new Promise<{ status: number; headers: string[]; body: string }>((resolve, reject) => {
    const pieces = Array.isArray(body) ? body : [body];
    const all = { 'content-type': 'text/plain', origin: SHOP_ORIGIN, 'user-agent': 'Mozilla/5.0 Chrome/130', ...(pieces.length === 1 ? { 'content-length': String(Buffer.byteLength(pieces[0]!)) } : {}), ...headers };
    const req = request({ port, host: '127.0.0.1', method, path, headers: all }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d)).on('end', () => {
        const raw = res.rawHeaders.flatMap((v, i, a) => (i % 2 === 0 && v.toLowerCase() !== 'date' ? [`${v}: ${a[i + 1]}`] : []));
        resolve({ status: res.statusCode!, headers: raw, body: text });
      });
    });
    req.on('error', reject);
    for (const piece of pieces) req.write(piece);
    req.end();
  });
}

const json = (b: unknown) => JSON.stringify(b);
const shared = event('page_view');
const requests: Array<[string, Sent]> = [
  ['a valid batch', { body: json(batch([event('page_view'), event('view_item', { items: [{ item_id: 'SKU-1', price: 4.5, currency: 'gbp' }] })])) }],
  ['a batch with a shared event', { body: json(batch([shared])) }],
  ['its retry', { body: json(batch([shared, event('page_view')])) }],
  ['a query string', { path: '/v1/collect?v=1', body: json(batch([event('page_view')], { vid: 'v2' })) }],
  ['not JSON', { body: '{nope' }],
  ['an invalid event', { body: json(batch([event('purchase', { value: 1 })])) }],
  ['101 events', { body: json(batch(Array.from({ length: 101 }, () => event('page_view')))) }],
  ['a body declared over 64 KB', { body: 'x'.repeat(70_000) }],
  ['a chunked body over 64 KB', { body: ['{"site":"', 'x'.repeat(40_000), 'x'.repeat(40_000)] }],
  ['an unknown site', { body: json(batch([event('page_view')], { site: 'pk_nope' })) }],
  ['a foreign origin', { body: json(batch([event('page_view')])), headers: { origin: 'https://evil.example' } }],
  ['an empty origin', { body: json(batch([event('page_view')])), headers: { origin: '' } }],
  ['a bot', { body: json(batch([event('page_view')])), headers: { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' } }],
  ['past the visitor limit', { body: json(batch([event('page_view')])) }],
  ['a preflight', { method: 'OPTIONS', headers: { 'access-control-request-method': 'POST' } }],
  ['a trailing slash (not the collector)', { path: '/v1/collect/', body: json(batch([event('page_view')])) }],
];

test('the fast path answers every collector request exactly as Hono does, without calling Hono', async () => {
  const hono = await serve(false);
  const fast = await serve(true);
  const statuses: number[] = [];
  for (const [name, sent] of requests) {
    const expected = await send(hono.port, sent);
    const actual = await send(fast.port, sent);
    expect(actual, name).toEqual(expected);
    statuses.push(actual.status);
  }
  expect(statuses).toEqual([200, 200, 200, 200, 400, 400, 413, 413, 413, 404, 403, 403, 202, 429, 204, 404]);
  expect(fast.fallback.calls).toBe(2); // the preflight and the trailing slash only
  for (const db of [hono.db, fast.db]) {
    const rs = await db.client.execute('SELECT count(*) AS n FROM events');
    expect(Number(rs.rows[0]!.n)).toBe(5);
  }
});
