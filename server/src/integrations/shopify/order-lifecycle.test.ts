import { describe, expect, test } from 'vitest';
import { batch, event, postCollect, testApp } from '../../../test/helpers.ts';
import { AVIATOR, LOUNGER, sampleOrderBody, sampleRefundBody, type SampleOrder } from './testing/sample-order.ts';
import { shopifySignature } from './verify-signature.ts';
import { setShopifySecret } from './webhook-secret.ts';

const SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const CUSTOMER = '115310627314723954';
const aviator = { item_id: AVIATOR.productId, item_name: AVIATOR.title, price: 89.99, currency: 'USD', quantity: 1 };

async function setup() {
  const t = await testApp();
  await setShopifySecret(t.db, t.site.id, SECRET, t.clock.now());
  const webhook = async (topic: string, body: string) => {
    const res = await t.app.request(`/integrations/shopify/orders?site=${t.site.id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-topic': topic, 'x-shopify-hmac-sha256': shopifySignature(body, SECRET) },
      body,
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  };
  const order = (o: Partial<SampleOrder> & { id: string; vid?: string }) =>
    webhook('orders/create', sampleOrderBody({ totalPrice: '89.99', lines: [AVIATOR], customerId: null, ...(o.vid ? { noteAttributes: [{ name: 'shoploop_vid', value: o.vid }] } : {}), ...o }));
  const storefront = async (vid: string, ...events: ReturnType<typeof event>[]) => expect((await postCollect(t.app, batch(events, { vid }))).status).toBe(200);
  const profile = async (profileId: string) => {
    const rs = await t.db.client.execute({ sql: 'SELECT stage, rule, facts FROM profiles WHERE profile_id = ?', args: [profileId] });
    const row = rs.rows[0];
    const facts = row?.facts ? (JSON.parse(String(row.facts)) as { orders: Array<{ id: string; value: number }>; revenue: number; cart: Record<string, number> }) : undefined;
    return { stage: row?.stage as string | undefined, rule: row?.rule as string | undefined, facts };
  };
  /** moves the clock, lets the scheduler do what is due, and returns the person */
  const after = async (profileId: string, ms = 0) => {
    t.clock.advance(ms);
    await t.scheduler.runDue();
    return profile(profileId);
  };
  const transitions = async (profileId: string) => {
    const rs = await t.db.client.execute({ sql: 'SELECT from_stage, to_stage, rule FROM stage_transitions WHERE profile_id = ? ORDER BY id', args: [profileId] });
    return rs.rows.map((r) => `${String(r.from_stage)}→${String(r.to_stage)} (${String(r.rule)})`);
  };
  return { ...t, webhook, order, storefront, profile, after, transitions };
}

describe('a Shopify order in the lifecycle', () => {
  test('during the visit it is what a thank-you page purchase would be: the same stages, the same facts', async () => {
    const histories: string[][] = [];
    for (const path of ['storefront', 'webhook'] as const) {
      const t = await setup();
      await t.storefront('v1', event('view_item', { items: [aviator] }), event('add_to_cart', { items: [aviator] }));
      expect((await t.after('v:v1')).stage).toBe('here_and_now');
      t.clock.advance(5 * MIN); // checking out on Shopify's pages, which the tag never sees
      if (path === 'storefront') await t.storefront('v1', event('purchase', { transaction_id: '5940139491234', value: 89.99, currency: 'USD', items: [aviator] }));
      else expect(await t.order({ id: '5940139491234', vid: 'v1' })).toMatchObject({ stored: 1 });
      const during = await t.after('v:v1');
      expect(during.stage).toBe('here_and_now'); // the visit goes on: the purchase joined its session
      expect(during.facts).toMatchObject({ cart: {}, revenue: 89.99, orders: [{ id: '5940139491234', value: 89.99 }] });
      expect((await t.after('v:v1', 30 * MIN)).stage).toBe('potential'); // a one-time buyer, not an abandoned cart
      histories.push(await t.transitions('v:v1'));
    }
    expect(histories[1]).toEqual(histories[0]);
    expect(histories[0]).toEqual(['null→here_and_now (live_interest)', 'here_and_now→potential (everyone_else)']);
  });

  test('an at_risk cart bought later (Shopify’s checkout recovery mail) ends the risk; a second order makes a loyal customer', async () => {
    const t = await setup();
    await t.order({ id: '5940139400001', vid: 'v1', customerId: CUSTOMER, createdAt: '2026-11-01T10:00:00+00:00' });
    expect((await t.after(`c:${CUSTOMER}`)).stage).toBe('potential'); // one order, no visit running
    t.clock.advance(DAY);
    await t.storefront('v1', event('view_item', { items: [aviator] }), event('add_to_cart', { items: [aviator] }));
    expect((await t.after(`c:${CUSTOMER}`)).stage).toBe('here_and_now');
    const atRisk = await t.after(`c:${CUSTOMER}`, 31 * MIN);
    expect(atRisk).toMatchObject({ stage: 'at_risk', rule: 'unfinished_cart' });

    const answer = await t.order({ id: '5940139400002', vid: 'v1', customerId: CUSTOMER });
    expect(answer).toMatchObject({ stored: 2 });
    const bought = await t.after(`c:${CUSTOMER}`);
    expect(bought).toMatchObject({ stage: 'loyal', rule: 'repeat_buyer_recent' });
    expect(bought.facts).toMatchObject({ cart: {}, revenue: 179.98 });
    expect(bought.facts?.orders.map((o) => o.id)).toEqual(['5940139400001', '5940139400002']);
    expect(await t.transitions(`c:${CUSTOMER}`)).toEqual([
      'null→potential (everyone_else)',
      'potential→here_and_now (live_interest)',
      'here_and_now→at_risk (unfinished_cart)',
      'at_risk→loyal (repeat_buyer_recent)',
    ]);
  });

  test('the same order reported by the storefront and by Shopify counts once', async () => {
    const t = await setup();
    await t.storefront('v1', event('purchase', { transaction_id: '5940139491234', value: 89.99, currency: 'USD', items: [aviator] }));
    await t.order({ id: '5940139491234', vid: 'v1' });
    await t.order({ id: '5940139491234', vid: 'v1' }); // and Shopify's retry
    const person = await t.after('v:v1');
    expect(person.facts?.orders).toHaveLength(1);
    expect(person.facts?.revenue).toBe(89.99);
  });
});

describe('refunds and cancellations', () => {
  test('money given back comes off the order; a retried refund comes off once', async () => {
    const t = await setup();
    await t.order({ id: '820982911946154508', vid: 'v1', totalPrice: '254.98', lines: [AVIATOR, LOUNGER] });
    const refund = sampleRefundBody({ id: '509562969', orderId: '820982911946154508', lines: [{ line: AVIATOR, quantity: 1 }], amount: '89.99' });
    expect(await t.webhook('refunds/create', refund)).toMatchObject({ topic: 'refunds/create', order: '820982911946154508', stored: 1 });
    expect(await t.webhook('refunds/create', refund)).toMatchObject({ stored: 0, duplicates: 1 });
    const rs = await t.db.client.execute("SELECT event_id, visitor_id, params FROM events WHERE name = 'refund'");
    expect(rs.rows.map((r) => [r.event_id, r.visitor_id, JSON.parse(String(r.params))])).toEqual([
      [
        'shopify.820982911946154508.refund.509562969',
        'v1',
        { transaction_id: '820982911946154508', value: 89.99, currency: 'USD', items: [{ item_id: AVIATOR.productId, item_name: 'Aviator sunglasses', price: 89.99, quantity: 1 }] },
      ],
    ]);
    const person = await t.after('v:v1');
    expect(person.facts?.orders).toEqual([expect.objectContaining({ id: '820982911946154508', value: 164.99 })]);
    expect(person.facts?.revenue).toBeCloseTo(164.99, 9);
  });

  test('a cancelled order no longer counts: a loyal customer of two orders is back to one', async () => {
    const t = await setup();
    await t.order({ id: '1001', vid: 'v1', customerId: CUSTOMER });
    await t.order({ id: '1002', vid: 'v1', customerId: CUSTOMER });
    expect((await t.after(`c:${CUSTOMER}`, 31 * MIN)).stage).toBe('loyal');
    const cancelled = sampleOrderBody({ id: '1002', totalPrice: '89.99', lines: [AVIATOR], customerId: CUSTOMER, cancelledAt: '2026-11-24T09:00:00+00:00' });
    expect(await t.webhook('orders/cancelled', cancelled)).toMatchObject({ topic: 'orders/cancelled', stored: 1 });
    const person = await t.after(`c:${CUSTOMER}`);
    expect(person).toMatchObject({ stage: 'potential', rule: 'everyone_else' });
    expect(person.facts?.orders.map((o) => o.id)).toEqual(['1001']);
    expect(person.facts?.revenue).toBe(89.99);
  });

  test('a refund or cancellation of an order Shoploop never saw, or a refund that moved no money, is acknowledged and not stored', async () => {
    const t = await setup();
    await t.order({ id: '1001', vid: 'v1' });
    expect(await t.webhook('refunds/create', sampleRefundBody({ id: '9', orderId: '7777', lines: [], amount: '5.00' }))).toMatchObject({ ignored: 'unknown_order' });
    expect(await t.webhook('orders/cancelled', sampleOrderBody({ id: '7777', totalPrice: '5.00', lines: [AVIATOR], cancelledAt: '2026-11-24T09:00:00+00:00' }))).toMatchObject({ ignored: 'unknown_order' });
    expect(await t.webhook('refunds/create', sampleRefundBody({ id: '10', orderId: '1001', lines: [{ line: AVIATOR, quantity: 1 }], amount: '89.99', status: 'failure' }))).toMatchObject({ ignored: 'no_money_back' });
    const rs = await t.db.client.execute("SELECT count(*) AS n FROM events WHERE name = 'refund'");
    expect(Number(rs.rows[0]!.n)).toBe(0);
  });

  test('a browser cannot send a refund: the collector refuses the name', async () => {
    const t = await setup();
    const res = await postCollect(t.app, batch([event('refund', { transaction_id: '1001' })]));
    expect(res.status).toBe(400);
  });
});
