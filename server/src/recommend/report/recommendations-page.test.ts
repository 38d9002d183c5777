import { describe, expect, test } from 'vitest';
import { batch, event, postCollect, SHOP_ORIGIN, testApp } from '../../../test/helpers.ts';
import { importFeed } from '../../catalog/trust/testing.ts';
import { pageTypeClassifier } from './page-type.ts';
import { ATTRIBUTION_PAGE, recommendationReport, WARM_UP_PAGE } from './recommendation-report.ts';

const HOUR = 3_600_000;
const mug = { item_id: 'mug', item_name: 'Mug', price: 10, quantity: 2 };
const tee = { item_id: 'tee', item_name: 'Tee', price: 5, quantity: 1 };
const sock = { item_id: 'sock', item_name: 'Sock', price: 3, quantity: 1 };
const on = (path: string) => ({ url: `${SHOP_ORIGIN}${path}` });
const impression = (path: string, scenario: string, ...items: string[]) => event('rec_impression', { rec_id: `r_${scenario}`, scenario, items: items.map((item_id) => ({ item_id })) }, on(path));
const click = (path: string, scenario: string, item_id: string) => event('rec_click', { rec_id: `r_${scenario}`, scenario, items: [{ item_id }] }, on(path));
const purchase = (transaction_id: string, ...items: Array<typeof mug>) =>
  event('purchase', { transaction_id, currency: 'GBP', value: items.reduce((s, i) => s + i.price * i.quantity, 0), items }, on('/checkout/done'));

interface Page {
  currency: string;
  scenarios: Array<Record<string, unknown>>;
  days: Array<Record<string, unknown>>;
  totals: Record<string, unknown>;
}

describe('GET /admin/api/reports/recommendations', () => {
  test('currency: the catalog\'s when no order in the period names one', async () => {
    const t = await testApp();
    await importFeed(t.db, t.site.id, [{ item_id: 'lamp', item_name: 'Lamp', price: 40, currency: 'SEK', url: `${SHOP_ORIGIN}/lamp` }], t.clock.now());
    const { status, body } = await t.admin<Page>('/admin/api/reports/recommendations');
    expect(status).toBe(200);
    expect(body.currency).toBe('SEK');
  });

  test('per scenario and page type (where the block was), per day (orders on the purchase day); by hand', async () => {
    const t = await testApp();
    // a product page whose path says nothing: known from the catalog
    await importFeed(t.db, t.site.id, [{ item_id: 'lamp', item_name: 'Lamp', price: 40, currency: 'GBP', url: `${SHOP_ORIGIN}/lamp-in-brass` }], t.clock.now());
    const send = async (vid: string, ...events: ReturnType<typeof event>[]) => expect((await postCollect(t.app, batch(events, { vid }))).status).toBe(200);

    // Monday 23 November, 12:00 UTC
    await send('a', impression('/product/tee', 'similar', 'mug', 'tee'), click('/product/tee', 'similar', 'mug'), impression('/lamp-in-brass', 'popular', 'tee'));
    t.clock.advance(2 * HOUR);
    await send('a', purchase('T1', mug, sock)); // mug clicked 2 h before: 2 × 10 to similar on a product page
    await send('b', impression('/', 'for-you', 'tee'), impression('/cart', 'similar', 'mug'), click('/', 'for-you', 'tee'));
    t.clock.advance(25 * HOUR);
    await send('b', purchase('T2', tee)); // 25 h after the click: nobody's
    // Tuesday 24 November, 15:00
    await send('c', impression('/cart', 'also-bought', 'sock'), click('/cart', 'also-bought', 'sock'));
    t.clock.advance(HOUR);
    await send('c', purchase('T3', sock));
    t.clock.advance(1);

    const { status, body } = await t.admin<Page>('/admin/api/reports/recommendations?from=2026-11-23&to=2026-11-25');
    expect(status).toBe(200);
    expect(body.currency).toBe('GBP');
    expect(body.scenarios).toEqual([
      { scenario: 'similar', pageType: 'product', impressions: 1, clicks: 1, ctr: 1, orders: 1, items: 2, revenue: 20 },
      { scenario: 'also-bought', pageType: 'cart', impressions: 1, clicks: 1, ctr: 1, orders: 1, items: 1, revenue: 3 },
      { scenario: 'for-you', pageType: 'home', impressions: 1, clicks: 1, ctr: 1, orders: 0, items: 0, revenue: 0 },
      { scenario: 'popular', pageType: 'product', impressions: 1, clicks: 0, ctr: 0, orders: 0, items: 0, revenue: 0 },
      { scenario: 'similar', pageType: 'cart', impressions: 1, clicks: 0, ctr: 0, orders: 0, items: 0, revenue: 0 },
    ]);
    expect(body.days).toEqual([
      { day: '2026-11-23', scenario: 'for-you', impressions: 1, clicks: 1, orders: 0, items: 0, revenue: 0 },
      { day: '2026-11-23', scenario: 'popular', impressions: 1, clicks: 0, orders: 0, items: 0, revenue: 0 },
      { day: '2026-11-23', scenario: 'similar', impressions: 2, clicks: 1, orders: 1, items: 2, revenue: 20 },
      { day: '2026-11-24', scenario: 'also-bought', impressions: 1, clicks: 1, orders: 1, items: 1, revenue: 3 },
    ]);
    expect(body.totals).toEqual({ impressions: 5, clicks: 3, ctr: 0.6, orders: 2, revenue: 23, shopOrders: 3, shopRevenue: 23 + 5 + 3 });

    // the same figures per scenario as the recommendation report's
    const old = await t.admin<{ scenarios: Array<{ scenario: string; revenue: number; impressions: number }> }>('/admin/api/recommendations/report?from=2026-11-23&to=2026-11-25');
    for (const s of old.body.scenarios) {
      const cells = body.scenarios.filter((c) => c.scenario === s.scenario);
      expect(cells.reduce((sum, c) => sum + (c.impressions as number), 0)).toBe(s.impressions);
      expect(cells.reduce((sum, c) => sum + (c.revenue as number), 0)).toBeCloseTo(s.revenue, 6);
    }

    // only Tuesday
    const tuesday = await t.admin<Page>('/admin/api/reports/recommendations?from=2026-11-24&to=2026-11-25');
    expect(tuesday.body.scenarios.map((s) => [s.scenario, s.pageType, s.impressions, s.revenue])).toEqual([['also-bought', 'cart', 1, 3]]);
    for (const bad of ['?from=monday', '?from=2026-11-25&to=2026-11-24', '?site=nope']) expect((await t.admin(`/admin/api/reports/recommendations${bad}`)).status, bad).toBeGreaterThanOrEqual(400);
  });

  test('finished days come from the rollup, written once; across midnight it gives what one pass over the period gives', async () => {
    const t = await testApp();
    const send = async (vid: string, ...events: ReturnType<typeof event>[]) => expect((await postCollect(t.app, batch(events, { vid }))).status).toBe(200);
    t.clock.set(Date.UTC(2026, 10, 23, 23, 0));
    await send('a', impression('/product/x', 'similar', 'mug'), click('/product/x', 'similar', 'mug'));
    t.clock.advance(HOUR); // 24 Nov 00:00
    await send('a', purchase('T1', mug)); // credited across midnight: 20 on the 24th
    await send('b', click('/', 'for-you', 'tee'));
    t.clock.advance(HOUR);
    await send('b', purchase('T2', tee)); // uses up b's click on the 24th…
    t.clock.advance(23 * HOUR); // 25 Nov 01:00
    await send('b', purchase('T3', tee)); // …so this is nobody's (within 24 h of the click, but the click is spent)
    await send('b', purchase('T2', tee)); // a reloaded confirmation page: counted once
    t.clock.set(Date.UTC(2026, 10, 26, 12));

    const query = '?from=2026-11-23&to=2026-11-26T12:00:00Z';
    const first = await t.admin<Page>(`/admin/api/reports/recommendations${query}`);
    const stored = async () => (await t.db.client.execute('SELECT day, computed_at FROM rec_report_days ORDER BY day')).rows.map((r) => [r.day, Number(r.computed_at)]);
    const computed = t.clock.now();
    expect(await stored()).toEqual([
      ['2026-11-23', computed],
      ['2026-11-24', computed],
      ['2026-11-25', computed],
      ['2026-11-26', Date.UTC(2026, 10, 26, 11)], // today, read up to its last hour over (12:00 is 5 minutes from settled)
    ]);
    expect(first.body.days).toEqual([
      { day: '2026-11-23', scenario: 'similar', impressions: 1, clicks: 1, orders: 0, items: 0, revenue: 0 },
      { day: '2026-11-24', scenario: 'for-you', impressions: 0, clicks: 1, orders: 1, items: 1, revenue: 5 },
      { day: '2026-11-24', scenario: 'similar', impressions: 0, clicks: 0, orders: 1, items: 2, revenue: 20 },
    ]);
    expect(first.body.totals).toEqual({ impressions: 1, clicks: 2, ctr: 2, orders: 2, revenue: 25, shopOrders: 3, shopRevenue: 30 });
    // the one-pass report over the same period agrees
    const onePass = await t.admin<{ scenarios: Array<{ scenario: string; revenue: number; orders: number }>; totals: Record<string, unknown> }>(`/admin/api/recommendations/report${query}`);
    expect(onePass.body.scenarios.map((s) => [s.scenario, s.orders, s.revenue])).toEqual([
      ['similar', 1, 20],
      ['for-you', 1, 5],
    ]);
    expect(onePass.body.totals).toMatchObject({ orders: 2, revenue: 25, shop_orders: 3, shop_revenue: 30 });

    // read again an hour later: the same answer; finished days not recomputed, today's part moved on to 12:00
    t.clock.advance(HOUR);
    const again = await t.admin<Page>(`/admin/api/reports/recommendations${query}`);
    expect(again.body).toEqual(first.body);
    expect((await stored()).map(([, at]) => at)).toEqual([computed, computed, computed, Date.UTC(2026, 10, 26, 12)]);
    // no `from`: the last 30 days from midnight, the same figures
    const byDefault = await t.admin<Page & { from: string }>('/admin/api/reports/recommendations');
    expect(byDefault.body.from).toBe('2026-10-27T00:00:00.000Z');
    expect(byDefault.body.totals).toEqual(first.body.totals);
  });

  test("reading only the buyers' day before gives what reading the whole day before gives (random shops)", async () => {
    const t = await testApp();
    const send = async (vid: string, ...events: ReturnType<typeof event>[]) => expect((await postCollect(t.app, batch(events, { vid }))).status).toBe(200);
    let seed = 7;
    const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const items = [mug, tee, sock];
    const devices = ['a1', 'a2', 'b1', 'c1', 'c2', 'd1'];
    for (const d of ['a1', 'a2']) await send(d, event('identify', { customer_id: 'cust-a' }));
    for (const d of ['c1', 'c2']) await send(d, event('identify', { customer_id: 'cust-c' }));
    const start = t.clock.now();
    for (let i = 0; i < 150; i++) {
      t.clock.advance(Math.floor(rnd() * 40 * 60_000));
      const device = devices[Math.floor(rnd() * devices.length)]!;
      const item = items[Math.floor(rnd() * items.length)]!;
      const r = rnd();
      if (r < 0.4) await send(device, impression('/p/x', 'similar', item.item_id));
      else if (r < 0.75) await send(device, click(rnd() < 0.5 ? '/' : '/cart', rnd() < 0.5 ? 'similar' : 'for-you', item.item_id));
      else await send(device, purchase(`T${Math.floor(rnd() * 60)}`, item)); // some transaction ids come twice
    }
    const end = t.clock.now();
    let credited = 0;
    let periods = 0;
    for (let from = start + 6 * HOUR; from + 3 * HOUR < end; from += 5 * HOUR) {
      const period = { from, to: from + 3 * HOUR };
      const whole = await recommendationReport(t.db, t.site.id, period);
      const buyers = await recommendationReport(t.db, t.site.id, period, undefined, 'buyers');
      expect(buyers).toEqual(whole);
      credited += whole.totals.orders;
      periods++;
    }
    expect(periods).toBeGreaterThan(5);
    expect(credited).toBeGreaterThan(3); // the comparison covered attributed orders, not only empty periods
  });

  test('both reads of a pass are ranges of the partial index in time order (no sort): the day before and the period', async () => {
    const t = await testApp();
    for (const sql of [WARM_UP_PAGE, ATTRIBUTION_PAGE]) {
      const plan = (await t.db.client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: ['site_test', 0, 0, 1, 5000] })).rows.map((r) => String(r.detail)).join('\n');
      expect(plan).toContain('events_site_attribution_idx');
      expect(plan).not.toContain('TEMP B-TREE');
      expect(plan).not.toMatch(/visitors/);
    }
  });

  test('page types from paths as shop platforms write them', async () => {
    const t = await testApp();
    const typeOf = await pageTypeClassifier(t.db, t.site.id);
    const cases: Array<[string | null, string]> = [
      ['https://shop.example/', 'home'],
      ['https://shop.example', 'home'],
      ['https://shop.example/?q=mug', 'search'],
      ['https://shop.example/search?q=mug', 'search'],
      ['https://shop.example/products/blue-mug', 'product'],
      ['https://shop.example/product/42', 'product'],
      ['https://shop.example/collections/mugs', 'category'],
      ['https://shop.example/category/kitchen', 'category'],
      ['https://shop.example/cart', 'cart'],
      ['https://shop.example/checkout/step-2', 'checkout'],
      ['https://shop.example/order/o-1', 'confirmation'],
      ['https://shop.example/about-us', 'other'],
      ['not a url', 'other'],
      [null, 'other'],
    ];
    for (const [url, type] of cases) expect(typeOf(url), String(url)).toBe(type);
  });
});
