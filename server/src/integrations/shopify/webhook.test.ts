import { describe, expect, test } from 'vitest';
import { testApp } from '../../../test/helpers.ts';
import { MAX_WEBHOOK_BYTES } from './routes.ts';
import { AVIATOR, LOUNGER, sampleOrderBody, type SampleOrder } from './testing/sample-order.ts';
import { shopifySignature } from './verify-signature.ts';
import { setShopifySecret } from './webhook-secret.ts';

const SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const ORDER_ID = '820982911946154508';
const VISITOR = 'mhx2k1ab.4fzyq8d0e7';
const order = (o: Partial<SampleOrder> = {}): string =>
  sampleOrderBody({ id: ORDER_ID, totalPrice: '254.98', lines: [AVIATOR, LOUNGER], noteAttributes: [{ name: 'shoploop_vid', value: VISITOR }], ...o });

async function setup() {
  const t = await testApp();
  await setShopifySecret(t.db, t.site.id, SECRET, t.clock.now());
  const deliver = (body: string, headers: Record<string, string | undefined> = {}, query = `site=${t.site.id}`) => {
    const all: Record<string, string> = { 'content-type': 'application/json', 'x-shopify-topic': 'orders/create', 'x-shopify-hmac-sha256': shopifySignature(body, SECRET), 'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043', ...headers } as Record<string, string>;
    for (const [k, v] of Object.entries(headers)) if (v === undefined) delete all[k];
    return t.app.request(`/integrations/shopify/orders?${query}`, { method: 'POST', headers: all, body });
  };
  const stored = async () => {
    const rs = await t.db.client.execute({ sql: 'SELECT event_id, visitor_id, session_id, name, client_ts, params FROM events WHERE site_id = ? ORDER BY seq', args: [t.site.id] });
    return rs.rows.map((r) => ({ id: String(r.event_id), vid: String(r.visitor_id), sid: String(r.session_id), name: String(r.name), ts: Number(r.client_ts), params: JSON.parse(String(r.params)) as Record<string, unknown> }));
  };
  return { ...t, deliver, stored };
}

describe('a signed order', () => {
  test('is stored as identify and purchase, under the visitor the cart attribute names, with the exact 64-bit ids', async () => {
    const t = await setup();
    const res = await t.deliver(order());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, topic: 'orders/create', order: ORDER_ID, stored: 2, duplicates: 0 });
    const events = await t.stored();
    expect(events.map((e) => [e.id, e.name, e.vid])).toEqual([
      [`shopify.${ORDER_ID}.identify`, 'identify', VISITOR],
      [`shopify.${ORDER_ID}.purchase`, 'purchase', VISITOR],
    ]);
    expect(events[0]!.params).toEqual({ customer_id: '115310627314723954' });
    expect(events[1]!.ts).toBe(Date.parse('2026-11-23T12:40:00Z'));
    expect(events[1]!.params).toEqual({
      transaction_id: ORDER_ID,
      value: 254.98,
      currency: 'USD',
      items: [
        { item_id: '788032119674292922', item_name: 'Aviator sunglasses', price: 89.99, quantity: 1 },
        { item_id: '788032119674292923', item_name: 'Mid-century lounger', price: 159.99, quantity: 1 },
      ],
    });
    const visitor = await t.db.client.execute({ sql: 'SELECT customer_id FROM visitors WHERE site_id = ? AND visitor_id = ?', args: [t.site.id, VISITOR] });
    expect(visitor.rows[0]?.customer_id).toBe('115310627314723954');
  });

  test('two orders whose ids one double cannot tell apart are two orders', async () => {
    const t = await setup();
    expect(Number('820982911946154508')).toBe(Number('820982911946154509'));
    expect((await t.deliver(order())).status).toBe(200);
    expect((await t.deliver(order({ id: '820982911946154509' }))).status).toBe(200);
    const purchases = (await t.stored()).filter((e) => e.name === 'purchase');
    expect(purchases.map((e) => e.params.transaction_id)).toEqual(['820982911946154508', '820982911946154509']);
  });

  test('delivered again (a retry, orders/paid after orders/create) it is stored once', async () => {
    const t = await setup();
    const body = order();
    expect(await (await t.deliver(body)).json()).toMatchObject({ stored: 2, duplicates: 0 });
    expect(await (await t.deliver(body)).json()).toMatchObject({ stored: 0, duplicates: 2 });
    const paid = order({ name: '#9999 (paid)' });
    expect(await (await t.deliver(paid, { 'x-shopify-topic': 'orders/paid', 'x-shopify-webhook-id': 'another-delivery' })).json()).toMatchObject({ topic: 'orders/paid', stored: 0, duplicates: 2 });
    expect((await t.stored()).filter((e) => e.name === 'purchase')).toHaveLength(1);
  });

  test('without the cart attribute: the customer’s own visitor; a guest order: the order’s own; never dropped', async () => {
    const t = await setup();
    await t.deliver(order({ noteAttributes: [{ name: 'gift_note', value: 'hi' }] }));
    await t.deliver(order({ id: '820982911946154600', noteAttributes: [], customerId: null }));
    // a value that is no Shoploop id (the buyer can edit cart attributes) is not taken as one
    await t.deliver(order({ id: '820982911946154700', noteAttributes: [{ name: 'shoploop_vid', value: '<script>' }], customerId: '207119551' }));
    const purchases = (await t.stored()).filter((e) => e.name === 'purchase');
    expect(purchases.map((e) => e.vid)).toEqual(['shopify-customer.115310627314723954', 'shopify-order.820982911946154600', 'shopify-customer.207119551']);
    expect((await t.stored()).filter((e) => e.name === 'identify').map((e) => e.params.customer_id)).toEqual(['115310627314723954', '207119551']);
  });

  test('item ids: the product id by default, the variant id or the SKU when the webhook address asks', async () => {
    const t = await setup();
    const blue = { ...AVIATOR, variantId: '642667041472713999', sku: 'SKU2006-002', variantTitle: 'Blue', quantity: 2 };
    const noSku = { ...LOUNGER, sku: '' };
    await t.deliver(order({ lines: [AVIATOR, blue, noSku] }));
    await t.deliver(order({ id: '1001', lines: [AVIATOR, blue, noSku] }), {}, `site=${t.site.id}&item=variant`);
    await t.deliver(order({ id: '1002', lines: [AVIATOR, blue, noSku] }), {}, `site=${t.site.id}&item=sku`);
    const items = (await t.stored()).filter((e) => e.name === 'purchase').map((e) => (e.params.items as Array<{ item_id: string; item_name: string; quantity: number }>).map((i) => `${i.item_id} ${i.item_name} ×${i.quantity}`));
    expect(items).toEqual([
      ['788032119674292922 Aviator sunglasses ×3', '788032119674292923 Mid-century lounger ×1'],
      ['642667041472713922 Aviator sunglasses ×1', '642667041472713999 Aviator sunglasses - Blue ×2', '757650484644203962 Mid-century lounger ×1'],
      ['SKU2006-001 Aviator sunglasses ×1', 'SKU2006-002 Aviator sunglasses - Blue ×2', '788032119674292923 Mid-century lounger ×1'],
    ]);
  });

  test('a test order from no visitor ("Send test notification", the admin) is verified and acknowledged, not stored; a test checkout through the storefront is', async () => {
    const t = await setup();
    const res = await t.deliver(order({ test: true, noteAttributes: [] }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, topic: 'orders/create', order: ORDER_ID, ignored: 'test_order' });
    expect(await t.stored()).toEqual([]);
    expect(await (await t.deliver(order({ test: true }))).json()).toMatchObject({ stored: 2 });
    expect((await t.stored()).map((e) => e.vid)).toEqual([VISITOR, VISITOR]);
  });
});

describe('refused, nothing stored', () => {
  const refusals: Array<[string, (t: Awaited<ReturnType<typeof setup>>) => Response | Promise<Response>, number, RegExp]> = [
    ['no signature', (t) => t.deliver(order(), { 'x-shopify-hmac-sha256': undefined }), 401, /X-Shopify-Hmac-Sha256/],
    ['signed with another secret', (t) => t.deliver(order(), { 'x-shopify-hmac-sha256': shopifySignature(order(), `${SECRET}0`) }), 401, /signature/],
    ['the body changed after signing', (t) => t.deliver(order({ totalPrice: '2549.80' }), { 'x-shopify-hmac-sha256': shopifySignature(order(), SECRET) }), 401, /signature/],
    ['the signature in hex', (t) => t.deliver(order(), { 'x-shopify-hmac-sha256': Buffer.from(shopifySignature(order(), SECRET), 'base64').toString('hex') }), 401, /signature/],
    ['an unknown site', (t) => t.deliver(order(), {}, 'site=site_nope'), 404, /no site/],
    ['no site at all', (t) => t.deliver(order(), {}, ''), 400, /site/],
    ['a topic not taken here', (t) => t.deliver(order(), { 'x-shopify-topic': 'products/update' }), 400, /products\/update/],
    ['not JSON', (t) => t.deliver('order=1'), 400, /not valid JSON/],
    ['an order without a total', (t) => t.deliver(order().replace('"total_price":"254.98",', '')), 400, /total_price/],
    ['a line with a negative quantity', (t) => t.deliver(order().replace('"quantity":1', '"quantity":-1')), 400, /line_items\.0\.quantity/],
    ['a price that is not an amount', (t) => t.deliver(order().replace('"total_price":"254.98"', '"total_price":"254,98 $"')), 400, /total_price/],
    ['an item choice that does not exist', (t) => t.deliver(order(), {}, 'site=site_test&item=handle'), 400, /item/],
    ['a body over the cap', (t) => t.deliver(order().replace('"note":null', `"note":"${'x'.repeat(MAX_WEBHOOK_BYTES)}"`)), 413, /limit/],
  ];
  for (const [what, send, status, message] of refusals) {
    test(`${what} → ${status}`, async () => {
      const t = await setup();
      const res = await send(t);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
      expect(await t.stored()).toEqual([]);
    });
  }

  test('a site without a Shopify secret → 401, saying how to set one', async () => {
    const t = await setup();
    await t.db.client.execute('DELETE FROM shopify_webhook_secrets');
    const res = await t.deliver(order());
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('site shopify-secret site_test');
    expect(await t.stored()).toEqual([]);
  });
});
