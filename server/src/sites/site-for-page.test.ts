import { describe, expect, test } from 'vitest';
import { batch, event, SITE_KEY, testApp } from '../../test/helpers.ts';

// The site allows https://shop.example only (test/helpers.ts). Each row is the headers a request arrives with
// at Shoploop, and whether the page that sent it may act for the site.
const proxied = { host: 'shop.example', 'x-forwarded-proto': 'https' }; // the README's proxy lines, browser on https://shop.example
const cases: Array<[string, 200 | 403, Record<string, string>, RegExp?]> = [
  ['cross-origin call from an allowed origin', 200, { origin: 'https://shop.example' }],
  ['cross-origin call from another site', 403, { origin: 'https://evil.example' }, /origin https:\/\/evil\.example is not allowed/],
  ['Origin "null" (a sandboxed frame, on any site: it matches nothing)', 403, { origin: 'null', 'sec-fetch-site': 'cross-site', referer: 'https://shop.example/' }, /origin null is not allowed/],
  ['Origin decides even beside an allowed Referer', 403, { origin: 'https://evil.example', referer: 'https://shop.example/p/1' }],
  ['proxied same-origin GET: Sec-Fetch-Site with the Host the browser addressed', 200, { ...proxied, 'sec-fetch-site': 'same-origin' }],
  ['proxied same-origin GET from an old browser: the Referer stands for Sec-Fetch-Site', 200, { ...proxied, referer: 'https://shop.example/p/1' }],
  ['proxied same-origin GET behind a proxy that rewrote Host, Referer sent', 200, { host: '127.0.0.1:8787', 'sec-fetch-site': 'same-origin', referer: 'https://shop.example/p/1' }],
  ['proxied same-origin GET behind a proxy that rewrote Host, Referer stripped', 403, { host: '127.0.0.1:8787', 'sec-fetch-site': 'same-origin' }, /reached Shoploop as http:\/\/127\.0\.0\.1:8787: a reverse proxy must pass on/],
  ['proxied same-origin GET without X-Forwarded-Proto: http is another origin', 403, { host: 'shop.example', 'sec-fetch-site': 'same-origin' }, /http:\/\/shop\.example/],
  ['no headers at all', 403, {}, /no Origin header/],
  ['forged Host without Sec-Fetch-Site or Referer', 403, { ...proxied }, /no Origin header/],
  ['a page elsewhere calling the shop\'s proxy without CORS (img, script)', 403, { ...proxied, 'sec-fetch-site': 'cross-site', referer: 'https://evil.example/' }, /evil\.example/],
  ['the same with its Referer stripped', 403, { ...proxied, 'sec-fetch-site': 'cross-site' }, /no Origin header/],
  ['a sibling subdomain without CORS is not the shop', 403, { ...proxied, 'sec-fetch-site': 'same-site', referer: 'https://www.shop.example/' }],
  ['X-Forwarded-Host is not read: a page may write it on its own same-origin request', 403, { host: 'other.example', 'x-forwarded-host': 'shop.example', 'x-forwarded-proto': 'https', 'sec-fetch-site': 'same-origin' }, /https:\/\/other\.example/],
  ['a Host that is not a host', 403, { host: 'shop.example/x@evil', 'x-forwarded-proto': 'https', 'sec-fetch-site': 'same-origin' }],
  ['a Referer that is not http(s)', 403, { referer: 'file:///shop.example/p' }, /no Origin header/],
];

// Every browser-facing route asks siteForPage, so every row gives the same answer on each of them.
const routes = {
  'GET /v1/me': (headers: Record<string, string>) => ({ path: `/v1/me?site=${SITE_KEY}&visitor=v1`, init: { headers } }),
  'GET /v1/recommendations': (headers: Record<string, string>) => ({ path: `/v1/recommendations?site=${SITE_KEY}&visitor=v1&scenario=popular`, init: { headers } }),
  'POST /v1/collect': (headers: Record<string, string>) => ({
    path: '/v1/collect',
    init: { method: 'POST', headers: { 'content-type': 'text/plain', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130', ...headers }, body: JSON.stringify(batch([event('page_view')])) },
  }),
};

describe.each(Object.entries(routes))('%s: which pages may act for the site', (_route, request) => {
  test.each(cases)('%s → %i', async (_name, status, headers, message) => {
    const { app } = await testApp();
    const { path, init } = request(headers);
    const res = await app.request(path, init);
    const body = (await res.json()) as { error?: { code: string; message: string } };
    expect(res.status, JSON.stringify(body)).toBe(status);
    if (status === 403) expect(body.error?.code).toBe('forbidden');
    if (message) expect(body.error?.message).toMatch(message);
  });
});

test('an unknown site key is a 404 before any origin is looked at', async () => {
  const { app } = await testApp();
  const res = await app.request('/v1/me?site=pk_nope&visitor=v1', { headers: { origin: 'https://evil.example' } });
  expect(res.status).toBe(404);
});
