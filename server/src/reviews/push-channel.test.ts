import { describe, expect, test } from 'vitest';
import { batch, postCollect, SHOP_ORIGIN, SITE_KEY } from '../../test/helpers.ts';
import { HOUR, MINUTE, MUG, pushFixture } from '../campaigns/testing/push-fixture.ts';
import type { MessageView } from '../campaigns/report/messages-list.ts';

const DAY = 24 * HOUR;

/** The push path with review asks on: holdouts off unless a test sets one. */
async function reviewPush(campaign: Record<string, unknown> = {}, reviews: Record<string, unknown> = {}) {
  const f = await pushFixture({ review_request: { holdoutPercent: 0, ...campaign } });
  if (Object.keys(reviews).length > 0) await f.settings({ reviews });
  const buy = (vid: string, order: string, tz = 'Europe/London') =>
    postCollect(f.app, batch([f.event('purchase', { transaction_id: order, value: 12.5, currency: 'EUR', items: [MUG] })], { vid, tz }));
  const reviewMessages = () => f.messages('&campaign=review_request');
  const card = async (vid: string) => ((await (await f.app.request(`/v1/reviews/requests?site=${SITE_KEY}&visitor=${vid}`, { headers: { origin: SHOP_ORIGIN } })).json()) as { requests: Array<{ token: string }> }).requests;
  const post = (path: string, body: unknown) => f.app.request(path, { method: 'POST', headers: { origin: SHOP_ORIGIN }, body: JSON.stringify({ site: SITE_KEY, ...(body as object) }) });
  return { ...f, buy, reviewMessages, card, post };
}

const byExpiry = (list: MessageView[]) => [...list].sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt));

// The manual clock starts on Monday 2026-11-23 12:00 UTC.
describe('the review_request push campaign', () => {
  test('7 days after the purchase the buyer is asked through the outbox and the local push service; 7 days later reminded, on the same topic', async () => {
    const f = await reviewPush();
    const sub = await f.subscribe('v1');
    expect((await f.buy('v1', 'o-1')).status).toBe(200);
    await f.advance(MINUTE);
    await f.advance(7 * DAY - 2 * MINUTE);
    expect(await f.reviewMessages()).toEqual([]);
    await f.advance(MINUTE);
    const [ask] = await f.reviewMessages();
    expect(ask).toMatchObject({ campaign: 'review_request', status: 'sent', person: 'v:v1', urgency: 'very-low', itemId: 'mug-1', holdout: false });
    const [pushed] = f.service.messagesFor(sub.endpoint);
    expect(JSON.parse(pushed!.text)).toEqual({
      v: 1,
      id: ask!.id,
      title: 'How do you like your Blue enamel mug?',
      body: 'A few words or just stars help other shoppers at Test shop.',
      url: `${SHOP_ORIGIN}/p/mug-1?sl_push=${ask!.id}`,
      image: MUG.image,
      icon: MUG.image,
      tag: ask!.topic,
    });
    expect(pushed).toMatchObject({ urgency: 'very-low', topic: ask!.topic, ttl: 72 * 3600 });
    expect(ask!.topic).toMatch(/^review-[\w-]{16}$/);

    await f.advance(7 * DAY);
    const [first, reminder] = byExpiry(await f.reviewMessages());
    expect(first!.id).toBe(ask!.id);
    expect(reminder).toMatchObject({ status: 'sent', topic: ask!.topic });
    expect(f.service.messagesFor(sub.endpoint).map((m) => JSON.parse(m.text).id)).toEqual([ask!.id, reminder!.id]);
    // at most one ask and one reminder per order
    await f.advance(20 * DAY);
    expect(await f.reviewMessages()).toHaveLength(2);
  });

  test('lowest priority: a cart reminder due at the same moment goes, the review ask waits for the next free day', async () => {
    const f = await reviewPush({}, { requestAfterDays: 90 / 1440 });
    await f.settings({ campaigns: { abandoned_cart: { firstDelayMinutes: 60, secondEnabled: false } } });
    await f.subscribe('v1');
    await f.send('v1', f.event('purchase', { transaction_id: 'o-1', value: 12.5, items: [MUG] }), f.event('add_to_cart', { items: [MUG] }));
    await f.advance(31 * MINUTE); // the session ends with a cart: at_risk, a cart reminder due at 13:31
    await f.advance(61 * MINUTE); // 13:32: the review ask (due 13:30) and the cart reminder are decided together
    const cart = (await f.messages('&campaign=abandoned_cart'))[0]!;
    const [ask] = await f.reviewMessages();
    expect(cart.status).toBe('sent');
    expect(ask).toMatchObject({ status: 'deferred' });
    expect(ask!.reason).toMatch(/higher priority|1 message in the last 24 h/);
    expect(Date.parse(ask!.dueAt!)).toBe(Date.parse(cart.sentAt!) + DAY);
    expect(f.service.messages).toHaveLength(1);
    await f.advance(DAY);
    expect((await f.reviewMessages())[0]).toMatchObject({ status: 'sent' });
    expect(f.service.messages).toHaveLength(2);
  });

  test("quiet hours in the buyer's zone defer the ask; a review written meanwhile on the site cancels it", async () => {
    const f = await reviewPush({}, { requestAfterDays: 1, reminderAfterDays: 2 });
    await f.subscribe('v1');
    await f.buy('v1', 'o-1', 'Asia/Tokyo'); // 12:00 UTC is 21:00 in Tokyo
    await f.advance(MINUTE);
    await f.advance(DAY);
    const [ask] = await f.reviewMessages();
    expect(ask).toMatchObject({ status: 'deferred', dueAt: '2026-11-25T00:00:00.000Z' });
    const [request] = await f.card('v1');
    expect((await f.post('/v1/reviews', { token: request!.token, item_id: 'mug-1', rating: 4 })).status).toBe(201);
    expect((await f.reviewMessages())[0]).toMatchObject({ status: 'cancelled', reason: 'every item of the order is reviewed' });
    await f.advance(5 * DAY);
    expect(f.service.messages).toHaveLength(0);
    expect(await f.reviewMessages()).toHaveLength(1); // and no reminder
  });

  test('"don\'t ask again" and a refund cancel waiting asks; a visitor without a subscription is asked on the site only', async () => {
    const f = await reviewPush({}, { requestAfterDays: 1 });
    for (const vid of ['quiet', 'refunded']) await f.subscribe(vid);
    await f.buy('quiet', 'o-q', 'Asia/Tokyo');
    await f.buy('refunded', 'o-r', 'Asia/Tokyo');
    await f.buy('nosub', 'o-n');
    await f.advance(MINUTE);
    await f.advance(DAY); // 21:01 in Tokyo: both asks deferred
    expect((await f.reviewMessages()).map((m) => m.status)).toEqual(['deferred', 'deferred']);
    const [request] = await f.card('quiet');
    expect((await f.post('/v1/reviews/dismissals', { token: request!.token, scope: 'always' })).status).toBe(200);
    const refund = await f.app.request('/admin/api/reviews/orders/o-r/cancel', { method: 'POST', headers: { authorization: 'Bearer test-admin-token' }, body: JSON.stringify({ reason: 'refunded' }) });
    expect(((await refund.json()) as { cancelled: unknown }).cancelled).toEqual({ requests: 1, messages: 1 });
    const reasons = (await f.reviewMessages()).map((m) => [m.person, m.status, m.reason]).sort();
    expect(reasons).toEqual([
      ['v:quiet', 'cancelled', 'the buyer asked not to be asked for reviews'],
      ['v:refunded', 'cancelled', 'the order was refunded'],
    ]);
    await f.advance(DAY);
    expect(f.service.messages).toHaveLength(0);
    expect(await f.card('nosub')).toHaveLength(1);
  });

  test('the campaign keeps its holdout: held-out buyers are eligible, sent nothing, still asked on the site', async () => {
    const f = await reviewPush({ holdoutPercent: 50 }, { requestAfterDays: 1, reminderAfterDays: null });
    const vids = Array.from({ length: 12 }, (_, i) => `h${i}`);
    for (const vid of vids) {
      await f.subscribe(vid);
      await f.buy(vid, `o-${vid}`);
    }
    await f.advance(MINUTE);
    await f.advance(DAY);
    const all = await f.reviewMessages();
    const held = all.filter((m) => m.status === 'held_out');
    const sent = all.filter((m) => m.status === 'sent');
    expect(held.length + sent.length).toBe(12);
    expect(held.length).toBeGreaterThan(0);
    expect(sent.length).toBeGreaterThan(0);
    expect(f.service.messages).toHaveLength(sent.length);
    for (const m of held) expect(await f.card(m.person.slice(2))).toHaveLength(1);
    const report = await f.admin<{ campaigns: Array<{ campaign: string; eligible: number; heldOut: number }> }>(`/admin/api/campaigns/report?site=${f.site.id}&from=2026-11-01&to=2026-12-31`);
    expect(report.body.campaigns.find((c) => c.campaign === 'review_request')).toMatchObject({ eligible: 12, heldOut: held.length });
  });

  test('an ask that came due longer ago than its TTL is not pushed late (a first subscriber after weeks of orders); its reminder is', async () => {
    const f = await reviewPush();
    await f.buy('v1', 'o-1');
    await f.advance(MINUTE);
    await f.advance(10 * DAY); // the ask came on day 7, when nobody on the site had subscribed
    const sub = await f.subscribe('v1');
    await f.advance(MINUTE);
    expect(await f.reviewMessages()).toEqual([]);
    await f.advance(4 * DAY); // day 14: the reminder
    const [reminder] = await f.reviewMessages();
    expect(reminder).toMatchObject({ status: 'sent' });
    expect(f.service.messagesFor(sub.endpoint)).toHaveLength(1);
  });

  test('switched off, the campaign plans nothing while the on-site card still asks', async () => {
    const f = await reviewPush({ enabled: false }, { requestAfterDays: 1 });
    await f.subscribe('v1');
    await f.buy('v1', 'o-1');
    await f.advance(MINUTE);
    await f.advance(DAY + MINUTE);
    expect(await f.reviewMessages()).toEqual([]);
    expect(await f.card('v1')).toHaveLength(1);
  });
});
