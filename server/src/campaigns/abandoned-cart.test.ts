import { describe, expect, test } from 'vitest';
import { SHOP_ORIGIN } from '../../test/helpers.ts';
import { HOUR, MINUTE, MUG, pushFixture } from './testing/push-fixture.ts';
import type { MessageView } from './report/messages-list.ts';

/** the reminders in the order they were planned to go (messages share their decision time) */
const byDue = (list: MessageView[]) => [...list].sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt));

// The manual clock starts on Monday 2026-11-23 12:00 UTC; the test visitor's zone is Europe/London (UTC+0).
describe('abandoned cart', () => {
  test('a cart left behind brings two reminders, 60 min and then 24 h after entering at_risk, the second replacing the first', async () => {
    const f = await pushFixture();
    const sub = await f.subscribe('v1');
    await f.send('v1', f.event('add_to_cart', { items: [MUG] }));
    await f.advance(31 * MINUTE); // the session ends: at_risk
    const [first, second] = byDue(await f.messages());
    expect(first).toMatchObject({ campaign: 'abandoned_cart', status: 'scheduled', person: 'v:v1', topic: 'cart' });
    expect(second).toMatchObject({ campaign: 'abandoned_cart', status: 'scheduled' });

    await f.advance(59 * MINUTE);
    expect(f.service.messagesFor(sub.endpoint)).toHaveLength(0);
    await f.advance(1 * MINUTE);
    const [pushed] = f.service.messagesFor(sub.endpoint);
    const payload = JSON.parse(pushed!.text) as Record<string, string>;
    expect(payload).toEqual({
      v: 1,
      id: first!.id,
      title: 'You left something in your cart',
      body: 'Blue enamel mug is still in your cart at Test shop.',
      url: `${SHOP_ORIGIN}/p/mug-1?sl_push=${first!.id}`,
      image: MUG.image,
      icon: MUG.image,
      tag: 'cart',
    });
    expect(pushed).toMatchObject({ topic: 'cart', urgency: 'normal' });
    expect(pushed!.ttl).toBe(24 * 3600); // a cart reminder is stale after 24 h
    expect(pushed!.claims.sub).toBe('mailto:owner@shop.example');
    expect((await f.messages('&status=sent'))[0]).toMatchObject({ id: first!.id, attempts: 1, title: payload.title });

    await f.advance(24 * HOUR);
    expect(f.service.messagesFor(sub.endpoint).map((m) => JSON.parse(m.text).id)).toEqual([first!.id, second!.id]);
  });

  test('a purchase cancels the reminders that have not gone out, and is counted as their conversion', async () => {
    const f = await pushFixture();
    const sub = await f.subscribe('v1');
    await f.send('v1', f.event('add_to_cart', { items: [MUG] }));
    await f.advance(31 * MINUTE);
    await f.advance(61 * MINUTE); // the first reminder goes
    await f.send('v1', f.event('purchase', { transaction_id: 'o-1', value: 25, currency: 'EUR', items: [MUG] }));
    await f.advance(1000);
    const all = byDue(await f.messages());
    expect(all.map((m) => [m.status, m.reason])).toEqual([
      ['sent', null],
      ['cancelled', 'bought'],
    ]);
    expect(all[0]).toMatchObject({ orderId: 'o-1', revenue: 25 });
    await f.advance(25 * HOUR);
    expect(f.service.messagesFor(sub.endpoint)).toHaveLength(1);
  });

  test('nothing is planned for a visitor who never subscribed', async () => {
    const f = await pushFixture();
    await f.send('v2', f.event('add_to_cart', { items: [MUG] }));
    await f.advance(31 * MINUTE);
    expect(await f.messages()).toEqual([]);
  });

  test('a visitor in the holdout is eligible but sent nothing', async () => {
    const f = await pushFixture({ abandoned_cart: { holdoutPercent: 50 } });
    // find visitors on both sides of the stable hash
    const vids = Array.from({ length: 12 }, (_, i) => `hv${i}`);
    for (const vid of vids) {
      await f.subscribe(vid);
      await f.send(vid, f.event('add_to_cart', { items: [MUG] }));
    }
    await f.advance(31 * MINUTE);
    await f.advance(61 * MINUTE);
    const first = (await f.messages()).filter((m) => m.createdAt && (m.status === 'held_out' || m.status === 'sent'));
    const held = first.filter((m) => m.status === 'held_out');
    const sent = first.filter((m) => m.status === 'sent');
    expect(held.length).toBeGreaterThan(0);
    expect(sent.length).toBeGreaterThan(0);
    for (const m of held) {
      expect(m.holdout).toBe(true);
      expect(m.reason).toMatch(/holdout/);
    }
    expect(f.service.messages).toHaveLength(sent.length);
    expect(new Set(f.service.messages.map((m) => JSON.parse(m.text).id))).toEqual(new Set(sent.map((m) => m.id)));
  });

  test('unsubscribing takes effect at once: a waiting reminder is cancelled', async () => {
    const f = await pushFixture();
    const sub = await f.subscribe('v1');
    await f.send('v1', f.event('add_to_cart', { items: [MUG] }));
    await f.advance(31 * MINUTE);
    const res = await f.app.request('/v1/push/subscriptions', { method: 'DELETE', headers: { origin: SHOP_ORIGIN }, body: JSON.stringify({ site: 'pk_test', endpoint: sub.endpoint }) });
    expect(await res.json()).toEqual({ removed: 1 });
    await f.advance(61 * MINUTE);
    expect(f.service.messages).toHaveLength(0);
    expect(byDue(await f.messages())[0]).toMatchObject({ status: 'cancelled', reason: 'no push subscription: the person unsubscribed' });
  });
});

test('erasing a customer removes their push subscriptions and messages too', async () => {
  const f = await pushFixture();
  await f.subscribe('v1');
  await f.send('v1', f.event('identify', { customer_id: 'cust-1' }), f.event('add_to_cart', { items: [MUG] }));
  await f.advance(31 * MINUTE);
  expect(await f.messages('&customer=cust-1')).toHaveLength(2);
  const res = await f.app.request('/admin/api/customers/cust-1', { method: 'DELETE', headers: { authorization: 'Bearer test-admin-token' } });
  expect(((await res.json()) as { erased: Record<string, number> }).erased).toMatchObject({ messages: 2, subscriptions: 1 });
  expect(await f.messages()).toEqual([]);
  await f.advance(2 * HOUR);
  expect(f.service.messages).toHaveLength(0);
});
