import { describe, expect, test } from 'vitest';
import { batch, event, postCollect, SHOP_ORIGIN, SITE_KEY, testApp } from '../../test/helpers.ts';

const MIN = 60_000;
const item = { item_id: 'SKU-1', item_name: 'Mug', price: 5, currency: 'GBP', quantity: 1 };
const purchase = (id: string) => event('purchase', { transaction_id: id, value: 5, currency: 'GBP', items: [item] });

async function setup() {
  const t = await testApp();
  const send = async (vid: string, ...events: ReturnType<typeof event>[]) => expect((await postCollect(t.app, batch(events, { vid }))).status).toBe(200);
  const count = async (sql: string, ...args: string[]) => Number((await t.db.client.execute({ sql, args })).rows[0]!.n);
  return { ...t, send, count };
}

describe('identity', () => {
  test('two devices of one customer merge: the stage is computed over both histories', async () => {
    const t = await setup();
    await t.send('phone', event('view_item', { items: [item] }), purchase('T1'));
    await t.send('laptop', event('page_view'));
    t.clock.advance(5 * MIN);
    await t.scheduler.runDue();
    expect((await t.admin<{ stage: { stage: string } }>('/admin/api/visitors/phone')).body.stage.stage).toBe('here_and_now');

    // each device identifies; the laptop buys once more: two orders over two devices → loyal
    await t.send('phone', event('identify', { customer_id: 'cust-1' }));
    await t.send('laptop', event('identify', { customer_id: 'cust-1' }), purchase('T2'));
    t.clock.advance(31 * MIN);
    await t.scheduler.runDue();

    const phone = await t.admin<{ stage: { stage: string; profileId: string }; history: Array<{ to: string }>; buyer: { orders: number } }>('/admin/api/visitors/phone');
    const laptop = await t.admin<{ stage: { stage: string; profileId: string } }>('/admin/api/visitors/laptop');
    expect(phone.body.stage).toMatchObject({ stage: 'loyal', profileId: 'c:cust-1' });
    expect(laptop.body.stage).toMatchObject({ stage: 'loyal', profileId: 'c:cust-1' });
    expect(phone.body.buyer.orders).toBe(2);
    // the devices' own histories moved to the customer: it starts with the first classification
    expect(phone.body.history[0]).toMatchObject({ to: 'here_and_now' });
    expect(await t.count(`SELECT count(*) AS n FROM profiles WHERE profile_id LIKE 'v:%'`)).toBe(0);
  });

  test('erasing a customer removes events, visitors, profile and history, and is audited without the id', async () => {
    const t = await setup();
    await t.send('phone', event('identify', { customer_id: 'cust-9' }), purchase('T1'));
    await t.send('laptop', event('identify', { customer_id: 'cust-9' }));
    await t.send('someone-else', event('page_view'));
    await t.scheduler.runDue();
    const res = await t.app.request('/admin/api/customers/cust-9', { method: 'DELETE', headers: { authorization: 'Bearer test-admin-token' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { erased: Record<string, number> }).erased).toMatchObject({ visitors: 2, events: 3, profiles: 1 });
    expect(await t.count(`SELECT count(*) AS n FROM events WHERE visitor_id IN ('phone', 'laptop')`)).toBe(0);
    expect(await t.count(`SELECT count(*) AS n FROM stage_transitions WHERE profile_id = 'c:cust-9'`)).toBe(0);
    expect(await t.count(`SELECT count(*) AS n FROM events`)).toBe(1); // the other visitor is untouched
    const audit = (await t.db.client.execute('SELECT * FROM erasures')).rows;
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('cust-9');
    const again = await t.app.request('/admin/api/customers/cust-9', { method: 'DELETE', headers: { authorization: 'Bearer test-admin-token' } });
    expect(again.status).toBe(404);
  });
});

describe('GET /v1/me', () => {
  test('a visitor reads its own stage from an allowed origin only', async () => {
    const t = await setup();
    await t.send('v1', event('view_item', { items: [item] }));
    await t.scheduler.runDue();
    const me = (origin: string, visitor = 'v1') => t.app.request(`/v1/me?site=${SITE_KEY}&visitor=${visitor}`, { headers: { origin } });
    const ok = await me(SHOP_ORIGIN);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ visitor: 'v1', stage: 'here_and_now' });
    expect(ok.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    expect((await me('https://evil.example')).status).toBe(403);
    expect(await (await me(SHOP_ORIGIN, 'never-seen')).json()).toMatchObject({ stage: 'potential', since: null });
    expect((await t.app.request(`/v1/me?site=${SITE_KEY}&visitor=a%20b`, { headers: { origin: SHOP_ORIGIN } })).status).toBe(400);
  });
});
