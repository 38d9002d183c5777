import fc from 'fast-check';
import { expect, test } from 'vitest';
import { testApp } from '../../test/helpers.ts';
import { AVIATOR, sampleOrderBody } from '../integrations/shopify/testing/sample-order.ts';
import { shopifySignature } from '../integrations/shopify/verify-signature.ts';
import { setShopifySecret } from '../integrations/shopify/webhook-secret.ts';
import { hostileBody, hostileBodyText, hostileString } from './hostile-values.ts';
import { check, expectClearAnswer, expectHealthy, expectPrototypeUntouched, prototypeSnapshot, read, rowCounts } from './judge.ts';

// POST /integrations/shopify/orders: a shop platform's server, trusted only through the body's signature.

const SECRET = 'shpss_0123456789abcdef0123456789abcdef';
const order = () => JSON.parse(sampleOrderBody({ id: '820982911946154508', totalPrice: '89.99', lines: [AVIATOR], noteAttributes: [{ name: 'shoploop_vid', value: 'v1' }] })) as unknown;
const paths = [['id'], ['total_price'], ['currency'], ['line_items'], ['line_items', '0'], ['line_items', '0', 'product_id'], ['line_items', '0', 'price'], ['line_items', '0', 'quantity'], ['note_attributes'], ['note_attributes', '0', 'value'], ['customer'], ['customer', 'id'], ['test'], ['created_at']] as const;

async function webhookApp() {
  const t = await testApp();
  await setShopifySecret(t.db, t.site.id, SECRET, t.clock.now());
  const deliver = async (body: string, signature: string | undefined, topic = 'orders/create') =>
    read(await t.app.request(`/integrations/shopify/orders?site=${t.site.id}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shopify-topic': topic, ...(signature === undefined ? {} : { 'x-shopify-hmac-sha256': signature }) }, body }));
  return { ...t, deliver };
}

test('unsigned or wrongly signed deliveries are a 401 and store nothing, whatever they carry', async () => {
  const t = await webhookApp();
  const before = await rowCounts(t.db);
  const signatures = fc.oneof(fc.constant(undefined), hostileString.map((s) => s.replace(/[^\x20-\x7e]/g, '')), fc.constantFrom('', shopifySignature('{}', SECRET), shopifySignature('x', 'another secret')));
  await check(fc.tuple(hostileBody(order, paths), signatures), async ([body, signature]) => {
    const answer = await t.deliver(body, signature);
    expectClearAnswer(answer, `signature ${signature}`);
    expect(answer.status).toBe(signature === shopifySignature(body, SECRET) ? answer.status : 401);
  });
  expect(await rowCounts(t.db)).toEqual(before);
  await expectHealthy(t.app);
});

test('signed deliveries with hostile content: a clear 4xx with nothing stored, or stored as an order; never a 5xx', async () => {
  const t = await webhookApp();
  const proto = prototypeSnapshot();
  const bodies = fc.oneof({ weight: 3, arbitrary: hostileBody(order, paths) }, { weight: 1, arbitrary: hostileBodyText });
  await check(fc.tuple(bodies, fc.constantFrom('orders/create', 'orders/paid', 'orders/cancelled', 'refunds/create', 'orders/../admin')), async ([body, topic]) => {
    const before = await rowCounts(t.db);
    const answer = await t.deliver(body, shopifySignature(body, SECRET), topic);
    expectClearAnswer(answer, `${topic} ${body.slice(0, 200)}`);
    if (answer.status >= 400) expect(await rowCounts(t.db), `stored for ${answer.status}`).toEqual(before);
    expectPrototypeUntouched(proto);
  });
  await expectHealthy(t.app);
});
