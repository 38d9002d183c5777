import { describe, expect, test } from 'vitest';
import { batch, event, postCollect, testApp } from '../../test/helpers.ts';
import { ATTRIBUTION_PAGE } from '../recommend/report/recommendation-report.ts';

const HOUR = 3_600_000;
const mug = { item_id: 'mug', item_name: 'Mug', price: 10, quantity: 2 };
const tee = { item_id: 'tee', item_name: 'Tee', price: 5, quantity: 1 };
const sock = { item_id: 'sock', item_name: 'Sock', price: 3, quantity: 1 };

const impression = (scenario: string, ...items: string[]) => event('rec_impression', { rec_id: `r_${scenario}`, scenario, items: items.map((item_id) => ({ item_id })) });
const click = (scenario: string, item_id: string) => event('rec_click', { rec_id: `r_${scenario}`, scenario, items: [{ item_id }] });
const purchase = (transaction_id: string, ...items: Array<typeof mug>) =>
  event('purchase', { transaction_id, currency: 'GBP', value: items.reduce((s, i) => s + i.price * i.quantity, 0), items });

interface Report {
  scenarios: Array<{ scenario: string; impressions: number; clicks: number; ctr: number | null; orders: number; items: number; revenue: number }>;
  totals: Record<string, number | string | null>;
  attribution_window_hours: number;
}

async function setup() {
  const t = await testApp();
  const send = async (vid: string, ...events: ReturnType<typeof event>[]) => expect((await postCollect(t.app, batch(events, { vid }))).status).toBe(200);
  const report = async (query = '') => {
    t.clock.advance(1); // the default period ends now, exclusive
    const r = await t.admin<Report>(`/admin/api/recommendations/report${query}`);
    expect(r.status).toBe(200);
    return r.body;
  };
  return { ...t, send, report };
}

describe('GET /admin/api/recommendations/report', () => {
  test('impressions, clicks and the revenue of clicked items bought within 24 h, per scenario', async () => {
    const t = await setup();
    await t.send('a', impression('similar', 'mug', 'tee'), click('similar', 'mug'));
    t.clock.advance(2 * HOUR);
    await t.send('a', purchase('T1', mug, sock)); // mug was clicked, sock was not
    await t.send('a', purchase('T1', mug, sock)); // the confirmation page reloaded: same order
    await t.send('b', impression('for-you', 'tee'), impression('similar', 'mug'), click('for-you', 'tee'));
    t.clock.advance(25 * HOUR);
    await t.send('b', purchase('T2', tee)); // too late
    await t.send('c', purchase('T3', mug)); // never clicked anything

    const r = await t.report();
    expect(r.attribution_window_hours).toBe(24);
    expect(r.scenarios).toEqual([
      { scenario: 'similar', impressions: 2, clicks: 1, ctr: 0.5, orders: 1, items: 2, revenue: 20 },
      { scenario: 'for-you', impressions: 1, clicks: 1, ctr: 1, orders: 0, items: 0, revenue: 0 },
    ]);
    expect(r.totals).toEqual({ impressions: 3, clicks: 2, ctr: 0.6667, orders: 1, revenue: 20, shop_orders: 3, shop_revenue: 23 + 5 + 20, currency: 'GBP' });
  });

  test('a click on one device earns the purchase on another once both are identified as the customer', async () => {
    const t = await setup();
    await t.send('phone', event('identify', { customer_id: 'cust-1' }), click('also-bought', 'tee'));
    t.clock.advance(HOUR);
    await t.send('laptop', event('identify', { customer_id: 'cust-1' }), purchase('T9', tee));
    await t.send('stranger', purchase('T10', tee)); // same item, another person
    const r = await t.report();
    expect(r.scenarios).toEqual([{ scenario: 'also-bought', impressions: 0, clicks: 1, ctr: null, orders: 1, items: 1, revenue: 5 }]);
  });

  test('the period: a click just before it can earn a purchase in it; events after it are not read', async () => {
    const t = await setup();
    await t.send('a', click('popular', 'mug'));
    t.clock.advance(HOUR);
    const from = new Date(t.clock.now()).toISOString();
    t.clock.advance(HOUR);
    await t.send('a', purchase('T1', mug));
    const to = new Date(t.clock.now() + 1).toISOString();
    t.clock.advance(HOUR);
    await t.send('a', impression('popular', 'mug'));
    const r = await t.report(`?from=${from}&to=${to}`);
    expect(r.scenarios).toEqual([{ scenario: 'popular', impressions: 0, clicks: 0, ctr: null, orders: 1, items: 2, revenue: 20 }]);
  });

  test('reads a range of the partial index, not the whole events table nor the site from its start', async () => {
    const t = await setup();
    const plan = await t.db.client.execute({ sql: `EXPLAIN QUERY PLAN ${ATTRIBUTION_PAGE}`, args: ['site_test', 0, 0, 1, 5000] });
    const detail = plan.rows.map((r) => String(r.detail)).join('\n');
    expect(detail).toContain('events_site_attribution_idx');
    expect(detail).toMatch(/\(site_id=\? AND received_at>\? AND received_at<\?\)|\(received_at,rowid\)>\(\?,\?\)/);
    expect(detail).not.toContain('TEMP B-TREE');
  });

  test('the collector refuses a rec event without rec_id, scenario or items, and stores nothing', async () => {
    const t = await setup();
    for (const params of [{ scenario: 'popular', items: [{ item_id: 'mug' }] }, { rec_id: 'r_1', items: [{ item_id: 'mug' }] }, { rec_id: 'r_1', scenario: 'popular', items: [] }]) {
      const res = await postCollect(t.app, batch([event('rec_click', params)], { vid: 'x' }));
      expect(res.status, JSON.stringify(params)).toBe(400);
    }
    expect((await t.db.client.execute('SELECT count(*) AS n FROM events')).rows[0]!.n).toBe(0);
  });

  test('bad queries are 400s, and the report needs the admin token', async () => {
    const t = await setup();
    expect((await t.admin('/admin/api/recommendations/report?from=yesterday')).status).toBe(400);
    expect((await t.admin('/admin/api/recommendations/report?site=nope')).status).toBe(404);
    expect((await t.app.request('/admin/api/recommendations/report')).status).toBe(401);
  });
});
