import { describe, expect, test } from 'vitest';
import { batch, postCollect } from '../../test/helpers.ts';
import { importFeed } from '../catalog/trust/testing.ts';
import { HOUR, MINUTE, MUG, pushFixture } from './testing/push-fixture.ts';

// Clock: Monday 2026-11-23 12:00 UTC, which is 21:00 in Tokyo (UTC+9): quiet hours there have just begun.
describe('one contact policy on the real path', () => {
  async function tokyoCart(campaigns = {}) {
    const f = await pushFixture({ abandoned_cart: { secondEnabled: false }, ...campaigns });
    await f.subscribe('v1');
    const res = await postCollect(f.app, batch([f.event('add_to_cart', { items: [MUG] })], { vid: 'v1', tz: 'Asia/Tokyo' }));
    expect(res.status).toBe(200);
    await f.advance(31 * MINUTE);
    return f;
  }

  test("quiet hours in the visitor's own zone defer a reminder to 09:00 there, then it goes", async () => {
    const f = await tokyoCart();
    await f.advance(60 * MINUTE); // 13:31 UTC = 22:31 in Tokyo
    let [m] = await f.messages();
    expect(m).toMatchObject({ status: 'deferred', dueAt: '2026-11-24T00:00:00.000Z' });
    expect(m!.reason).toMatch(/quiet hours until 09:00 Asia\/Tokyo/);
    expect(f.service.messages).toHaveLength(0);
    await f.advance(Date.parse('2026-11-24T00:00:00Z') - f.clock.now());
    [m] = await f.messages();
    expect(m).toMatchObject({ status: 'sent', sentAt: '2026-11-24T00:00:00.000Z' });
    expect(f.service.messages).toHaveLength(1);
    // the TTL given to the push service is what is left of the message's life
    expect(f.service.messages[0]!.ttl).toBe(Math.floor((Date.parse(m!.expiresAt) - f.clock.now()) / 1000));
  });

  test('a message whose TTL ends before quiet hours do is dropped as expired, with that reason', async () => {
    const f = await tokyoCart({ abandoned_cart: { secondEnabled: false, ttlHours: 2 } });
    await f.advance(60 * MINUTE);
    const [m] = await f.messages();
    expect(m).toMatchObject({ status: 'expired', dueAt: null });
    expect(m!.reason).toMatch(/quiet hours/);
    await f.advance(24 * HOUR);
    expect(f.service.messages).toHaveLength(0);
  });

  test('two campaigns due at once: the cart reminder goes, the price drop waits for the next free day', async () => {
    const f = await pushFixture({ abandoned_cart: { firstDelayMinutes: 60, secondEnabled: false }, price_drop: { delayMinutes: 29 } });
    await f.subscribe('v1');
    await f.send('v1', f.event('view_item', { items: [MUG] }), f.event('add_to_cart', { items: [MUG] }));
    await f.advance(31 * MINUTE); // at_risk: the cart reminder is due at 13:31
    await importFeed(f.db, f.site.id, [{ ...MUG, price: 9.5 }], f.clock.now());
    await f.advance(2 * MINUTE); // the price drop is planned, due at 13:02 + 29 min = 13:31 as well
    expect((await f.messages('&campaign=price_drop'))[0]).toMatchObject({ status: 'scheduled' });
    await f.advance(58 * MINUTE);
    const cart = (await f.messages('&campaign=abandoned_cart'))[0]!;
    const drop = (await f.messages('&campaign=price_drop'))[0]!;
    expect(cart.status).toBe('sent');
    expect(drop.status).toBe('deferred');
    expect(drop.reason).toMatch(/abandoned cart message \(higher priority\)|1 message in the last 24 h/);
    expect(Date.parse(drop.dueAt!)).toBe(Date.parse(cart.sentAt!) + 24 * HOUR);
    expect(f.service.messages).toHaveLength(1);
    await f.advance(24 * HOUR);
    expect((await f.messages('&campaign=price_drop'))[0]).toMatchObject({ status: 'sent', title: 'Blue enamel mug is now €9.50', body: 'Down from €12.50 at Test shop.' });
  });
});
