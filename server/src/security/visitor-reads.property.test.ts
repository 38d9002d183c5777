import { expect, test } from 'vitest';
import { batch, event, postCollect, SHOP_ORIGIN, SITE_KEY, testApp } from '../../test/helpers.ts';
import { hostileQuery } from './hostile-values.ts';
import { check, expectClearAnswer, expectHealthy, expectPrototypeUntouched, prototypeSnapshot, read, rowCounts } from './judge.ts';

// GET /v1/me and GET /v1/recommendations: a visitor's own state, read by the widget with the visitor id.

/** The app with a few visitors who viewed, carted and bought, classified by one lifecycle round. */
async function withHistory() {
  const t = await testApp({ rateLimit: { perVisitorPerMinute: 0, perIpPerMinute: 0 } });
  const item = (n: number) => ({ item_id: `SKU-${n}`, item_name: `Mug ${n}`, price: 4 + n, currency: 'GBP' });
  for (const vid of ['v1', 'v2', 'v3']) {
    const res = await postCollect(t.app, batch([event('view_item', { items: [item(1)] }), event('add_to_cart', { items: [item(2)] }), event('purchase', { transaction_id: `T-${vid}`, items: [item(2)] })], { vid }));
    expect(res.status).toBe(200);
  }
  await t.scheduler.runDue();
  return t;
}

const routes = [
  { path: '/v1/me', valid: { site: SITE_KEY, visitor: 'v1' } },
  { path: '/v1/recommendations', valid: { site: SITE_KEY, visitor: 'v1', scenario: 'similar', item: 'SKU-1', category: 'Kitchen', limit: '8', min: '1' } },
] as const;

for (const { path, valid } of routes) {
  test(`GET ${path} with hostile query strings: a clear 4xx or the visitor's own answer, never a 5xx, nothing stored`, async () => {
    const t = await withHistory();
    const proto = prototypeSnapshot();
    const before = await rowCounts(t.db);
    const seen = new Set<number>();
    await check(hostileQuery(valid), async (query) => {
      const answer = await read(await t.app.request(`${path}?${query}`, { headers: { origin: SHOP_ORIGIN } }));
      expectClearAnswer(answer, `GET ${path}?${query.slice(0, 300)}`);
      seen.add(answer.status);
      if (answer.status === 200) expect(answer.headers.get('cache-control')).toBe('no-store');
      expectPrototypeUntouched(proto);
    });
    expect([...seen].some((s) => s === 200) && [...seen].some((s) => s >= 400), `answers seen: ${[...seen]}`).toBe(true);
    // a read writes nothing, whatever it was asked
    expect(await rowCounts(t.db)).toEqual(before);
    await expectHealthy(t.app);
  });
}

test('GET /v1/recommendations echoes nothing a query injected into its items', async () => {
  const t = await withHistory();
  const res = await t.app.request(`/v1/recommendations?site=${SITE_KEY}&visitor=v9&scenario=popular&category=${encodeURIComponent("' OR 1=1 --")}`, { headers: { origin: SHOP_ORIGIN } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { items: unknown[] };
  expect(body.items).toEqual([]); // no product is in that category: the text was a value, not SQL
  const all = (await (await t.app.request(`/v1/recommendations?site=${SITE_KEY}&visitor=v9&scenario=popular`, { headers: { origin: SHOP_ORIGIN } })).json()) as { items: unknown[] };
  expect(all.items.length).toBeGreaterThan(0);
});
