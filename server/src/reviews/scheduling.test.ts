import { describe, expect, test } from 'vitest';
import { DAY, MINUTE, MUG, SOFA, reviewFixture } from './testing/review-fixture.ts';

// The manual clock starts on Monday 2026-11-23 12:00 UTC; a purchase is stored at that time.
const PURCHASE = Date.UTC(2026, 10, 23, 12);

describe('scheduling against the purchase time', () => {
  test('a purchase asks 7 days later by default, once per order, with the trusted names and images', async () => {
    const f = await reviewFixture();
    await f.buy('v1', 'o-1', [MUG, { ...MUG }]); // the same item twice is one item
    await f.buy('v1', 'o-1', [MUG]); // a reloaded confirmation page: the same order
    await f.advance(7 * DAY - MINUTE);
    expect(await f.requests('v1')).toEqual([]);
    await f.advance(MINUTE);
    const [request, ...more] = await f.requests('v1');
    expect(more).toEqual([]);
    expect(request).toMatchObject({
      orderId: 'o-1',
      expiresAt: new Date(PURCHASE + 7 * DAY + 45 * DAY).toISOString(),
      items: [{ itemId: 'mug-1', name: 'Blue enamel mug', image: 'https://cdn.shop.example/mug.jpg' }],
    });
    expect(request!.token).toMatch(/^[\w-]+\.[\w-]{43}$/);
    const rows = await f.db.client.execute('SELECT purchased_at, ask_at, remind_at FROM review_requests');
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({ purchased_at: PURCHASE, ask_at: PURCHASE + 7 * DAY, remind_at: PURCHASE + 14 * DAY });
    // the request expires with its token
    await f.advance(45 * DAY);
    expect(await f.requests('v1')).toEqual([]);
  });

  test('a category override sets the delay; an order waits for its slowest item; the trusted catalog category wins', async () => {
    const f = await reviewFixture({ categoryDelays: { Furniture: 21, Kitchen: 3, Gadgets: 0.5 } });
    await f.buy('a', 'o-mug', [MUG]);
    await f.buy('b', 'o-both', [MUG, SOFA]);
    // the event says Gadgets, the feed says Kitchen: the feed is trusted
    await f.buy('c', 'o-lie', [{ ...MUG, item_category: 'Gadgets' }]);
    // a product the catalog does not know: the event's category counts
    await f.buy('d', 'o-new', [{ item_id: 'gizmo-9', item_name: 'Gizmo', item_category: 'Gadgets' }]);
    const askAt = async (order: string) =>
      Number((await f.db.client.execute({ sql: 'SELECT ask_at FROM review_requests WHERE order_id = ?', args: [order] })).rows[0]!.ask_at) - PURCHASE;
    expect(await askAt('o-mug')).toBe(3 * DAY);
    expect(await askAt('o-both')).toBe(21 * DAY);
    expect(await askAt('o-lie')).toBe(3 * DAY);
    expect(await askAt('o-new')).toBe(DAY / 2);

    await f.advance(DAY / 2);
    expect((await f.requests('d')).map((r) => r.items)).toEqual([[{ itemId: 'gizmo-9', name: 'Gizmo', image: null }]]);
    expect(await f.requests('a')).toEqual([]);
    await f.advance(3 * DAY);
    expect(await f.requests('a')).toHaveLength(1);
    expect(await f.requests('b')).toEqual([]);
    await f.advance(18 * DAY);
    expect((await f.requests('b'))[0]!.items.map((i) => i.itemId)).toEqual(['mug-1', 'sofa-1']);
  });

  test('a fraction of a day, down to a minute', async () => {
    const f = await reviewFixture({ requestAfterDays: 1 / 1440 });
    await f.buy('v1', 'o-1');
    expect(await f.requests('v1')).toEqual([]);
    await f.advance(MINUTE);
    expect(await f.requests('v1')).toHaveLength(1);
  });

  test('an identified customer sees the requests of all their devices', async () => {
    const f = await reviewFixture({ requestAfterDays: 1 });
    await f.send('phone', f.event('identify', { customer_id: 'cust-1' }));
    await f.buy('phone', 'o-1');
    await f.send('laptop', f.event('identify', { customer_id: 'cust-1' }));
    await f.advance(DAY);
    expect((await f.requests('laptop')).map((r) => r.orderId)).toEqual(['o-1']);
    expect(await f.requests('stranger')).toEqual([]);
  });

  test('nothing without a transaction id and items, nothing while reviews are off', async () => {
    const f = await reviewFixture({ requestAfterDays: 1, enabled: false });
    await f.buy('v1', 'o-off');
    await f.settings({ reviews: { enabled: true } });
    await f.send('v1', f.event('purchase', { transaction_id: 'o-empty', value: 5 }));
    await f.buy('v1', 'o-on');
    await f.advance(DAY);
    expect((await f.requests('v1')).map((r) => r.orderId)).toEqual(['o-on']);
    // switched off again: nobody is asked on the site either
    await f.settings({ reviews: { enabled: false } });
    expect(await f.requests('v1')).toEqual([]);
  });
});

describe('who is not asked', () => {
  test('a person who said "don\'t ask again" gets no request for a later order, on any device', async () => {
    const f = await reviewFixture({ requestAfterDays: 1 });
    await f.send('phone', f.event('identify', { customer_id: 'cust-1' }));
    await f.buy('phone', 'o-1');
    await f.buy('phone', 'o-2', [SOFA]);
    await f.advance(DAY);
    const [first] = await f.requests('phone');
    const res = await f.page('POST', '/v1/reviews/dismissals', { site: 'pk_test', token: first!.token, scope: 'always' });
    expect(res).toMatchObject({ status: 200, body: { dismissed: true } });
    // every open request of the person is cancelled with it
    expect(await f.requests('phone')).toEqual([]);
    const reasons = await f.db.client.execute('SELECT status, reason FROM review_requests ORDER BY order_id');
    expect(reasons.rows.map((r) => [r.status, r.reason])).toEqual([
      ['cancelled', 'the buyer asked not to be asked for reviews'],
      ['cancelled', 'the buyer asked not to be asked for reviews'],
    ]);
    await f.send('laptop', f.event('identify', { customer_id: 'cust-1' }));
    await f.buy('laptop', 'o-3');
    await f.advance(DAY);
    expect(await f.requests('laptop')).toEqual([]);
    expect((await f.db.client.execute(`SELECT count(*) AS n FROM review_requests WHERE order_id = 'o-3'`)).rows[0]!.n).toBe(0);
    // somebody else still is asked
    await f.buy('other', 'o-4');
    await f.advance(DAY);
    expect(await f.requests('other')).toHaveLength(1);
  });

  test('"not now" hides a request on the site until its reminder', async () => {
    const f = await reviewFixture({ requestAfterDays: 1, reminderAfterDays: 2 });
    await f.buy('v1', 'o-1');
    await f.advance(DAY);
    const [request] = await f.requests('v1');
    expect((await f.page('POST', '/v1/reviews/dismissals', { site: 'pk_test', token: request!.token, scope: 'request' })).status).toBe(200);
    expect(await f.requests('v1')).toEqual([]);
    await f.advance(2 * DAY - MINUTE);
    expect(await f.requests('v1')).toEqual([]);
    await f.advance(MINUTE);
    expect(await f.requests('v1')).toHaveLength(1);
  });

  test('a refunded order is never asked about, whether the refund comes after its purchase or before', async () => {
    const f = await reviewFixture({ requestAfterDays: 1 });
    await f.buy('v1', 'o-late-refund');
    const after = await f.admin('POST', '/admin/api/reviews/orders/o-late-refund/cancel', { reason: 'refunded' });
    expect(after).toMatchObject({ status: 200, body: { orderId: 'o-late-refund', reason: 'refunded', cancelled: { requests: 1 } } });
    const before = await f.admin('POST', '/admin/api/reviews/orders/o-early/cancel', { reason: 'cancelled' });
    expect(before.body.cancelled).toEqual({ requests: 0, messages: 0 });
    await f.buy('v1', 'o-early');
    await f.buy('v1', 'o-kept');
    await f.advance(DAY);
    expect((await f.requests('v1')).map((r) => r.orderId)).toEqual(['o-kept']);
    expect((await f.admin('POST', '/admin/api/reviews/orders/o-x/cancel', { reason: 'lost' })).status).toBe(400);
    expect((await f.call('POST', '/admin/api/reviews/orders/o-x/cancel', { reason: 'refunded' })).status).toBe(401);
  });

  test('a refund event from a signed order webhook ends the request: a partial refund or a cancellation', async () => {
    const f = await reviewFixture({ requestAfterDays: 1 });
    for (const order of ['o-part', 'o-void', 'o-kept']) await f.buy('v1', order, [MUG, SOFA]);
    // as integrations/shopify writes them: server-only `refund` events through the event writer
    const refund = (id: string, params: Record<string, unknown>) => ({ id, name: 'refund' as const, ts: f.clock.now(), sid: 'shopify', params: params as { transaction_id: string } });
    await f.deps.writer.write(f.site.id, {
      site: 'pk_test',
      vid: 'v1',
      events: [refund('r-1', { transaction_id: 'o-part', value: 12.5, items: [{ item_id: 'mug-1' }] }), refund('r-2', { transaction_id: 'o-void' })],
    });
    await f.advance(DAY);
    expect((await f.requests('v1')).map((r) => r.orderId)).toEqual(['o-kept']);
    const rows = await f.db.client.execute(`SELECT order_id, reason FROM review_cancelled_orders ORDER BY order_id`);
    expect(rows.rows.map((r) => [r.order_id, r.reason])).toEqual([
      ['o-part', 'refunded'],
      ['o-void', 'cancelled'],
    ]);
  });
});

describe('review settings', () => {
  test('GET shows the defaults; PUT merges a subset; categoryDelays is replaced whole', async () => {
    const f = await reviewFixture();
    const got = await f.admin('GET', `/admin/api/sites/${f.site.id}/settings`);
    expect(got.body.reviews).toEqual({ enabled: true, requestAfterDays: 7, reminderAfterDays: 7, categoryDelays: {}, autoPublish: false, tokenDays: 45 });
    expect(got.body.campaigns.review_request).toMatchObject({ enabled: true, holdoutPercent: 10, ttlHours: 72 });
    await f.settings({ reviews: { categoryDelays: { Furniture: 21, Kitchen: 2 } } });
    const res = await f.settings({ reviews: { categoryDelays: { Furniture: 14 }, autoPublish: true, reminderAfterDays: null } });
    expect(res.reviews).toEqual({ enabled: true, requestAfterDays: 7, reminderAfterDays: null, categoryDelays: { Furniture: 14 }, autoPublish: true, tokenDays: 45 });
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['a delay under a minute', { requestAfterDays: 0.0001 }, /requestAfterDays/],
    ['a category delay over a year', { categoryDelays: { Furniture: 400 } }, /categoryDelays/],
    ['a reminder after the token has died', { reminderAfterDays: 50 }, /reminderAfterDays/],
    ['an unknown field', { askTwice: true }, /askTwice|unrecognized/i],
    ['a token of no days', { tokenDays: 0 }, /tokenDays/],
  ];
  test.each(bad)('refuses %s with a 400 naming the field, and stores nothing', async (_, reviews, message) => {
    const f = await reviewFixture();
    const before = (await f.admin('GET', `/admin/api/sites/${f.site.id}/settings`)).body;
    const res = await f.admin('PUT', `/admin/api/sites/${f.site.id}/settings`, { reviews, lifecycle: { sessionTimeoutMinutes: 45 } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect((await f.admin('GET', `/admin/api/sites/${f.site.id}/settings`)).body).toEqual(before);
  });
});
