import { describe, expect, test } from 'vitest';
import { SHOP_ORIGIN } from '../../test/helpers.ts';
import { importFeed } from '../catalog/trust/testing.ts';
import { HOUR, MINUTE, MUG, pushFixture } from './testing/push-fixture.ts';

describe('back in stock and price drop', () => {
  test('a restock from the feed reaches the subscribers who viewed the product, and only them', async () => {
    const f = await pushFixture();
    await importFeed(f.db, f.site.id, [{ ...MUG, availability: 'out_of_stock' }], f.clock.now());
    const viewer = await f.subscribe('viewer');
    const other = await f.subscribe('other');
    await f.send('viewer', f.event('view_item', { items: [{ item_id: MUG.item_id }] }));
    await f.send('other', f.event('view_item', { items: [{ item_id: 'something-else' }] }));
    await f.advance(MINUTE);
    await importFeed(f.db, f.site.id, [MUG], f.clock.now()); // back in stock
    await f.advance(2 * MINUTE);
    expect(f.service.messagesFor(other.endpoint)).toHaveLength(0);
    const [pushed] = f.service.messagesFor(viewer.endpoint);
    expect(JSON.parse(pushed!.text)).toMatchObject({ title: 'Blue enamel mug is back in stock', body: 'You looked at it recently. Now €12.50.' });
    expect(pushed!.topic).toMatch(/^stock-/);
    expect(pushed!.ttl).toBe(48 * 3600);
  });

  test('a view older than the look-back window does not count', async () => {
    const f = await pushFixture({ back_in_stock: { lookbackDays: 1 } });
    await importFeed(f.db, f.site.id, [{ ...MUG, availability: 'out_of_stock' }], f.clock.now());
    await f.subscribe('viewer');
    await f.send('viewer', f.event('view_item', { items: [{ item_id: MUG.item_id }] }));
    await f.advance(2 * 24 * HOUR);
    await importFeed(f.db, f.site.id, [MUG], f.clock.now());
    await f.advance(2 * MINUTE);
    expect(f.service.messages).toHaveLength(0);
  });

  test("a forged event from one visitor cannot drop a price, rename the product or point the link elsewhere", async () => {
    const f = await pushFixture();
    await f.subscribe('victim');
    await f.send('victim', f.event('view_item', { items: [{ item_id: MUG.item_id }] }));
    await f.advance(MINUTE);
    const forged = { ...MUG, item_name: 'FREE iPhone, click here', price: 0.5, url: 'https://evil.example/phish', image: 'http://evil.example/x.png' };
    await f.send('attacker', f.event('view_item', { items: [forged] }));
    await f.advance(5 * MINUTE);
    expect(await f.messages()).toEqual([]);
    expect(f.service.messages).toHaveLength(0);

    // a real change from the feed still goes out, with the feed's words and the shop's own link
    await importFeed(f.db, f.site.id, [{ ...MUG, price: 10 }], f.clock.now());
    await f.advance(2 * MINUTE);
    const [pushed] = f.service.messages;
    const payload = JSON.parse(pushed!.text) as { title: string; url: string; image: string };
    expect(payload.title).toBe('Blue enamel mug is now €10.00');
    expect(payload.url.startsWith(`${SHOP_ORIGIN}/p/mug-1?sl_push=`)).toBe(true);
    expect(payload.image).toBe(MUG.image);
  });

  test('a price drop below the set minimum is not news', async () => {
    const f = await pushFixture({ price_drop: { minDropPercent: 10 } });
    await f.subscribe('viewer');
    await f.send('viewer', f.event('add_to_cart', { items: [{ item_id: MUG.item_id }] }), f.event('purchase', { transaction_id: 'o1', value: 1, items: [{ item_id: 'x' }] }));
    await f.advance(MINUTE);
    await importFeed(f.db, f.site.id, [{ ...MUG, price: 12 }], f.clock.now()); // -4 %
    await f.advance(2 * MINUTE);
    expect(await f.messages('&campaign=price_drop')).toEqual([]);
    await importFeed(f.db, f.site.id, [{ ...MUG, price: 10 }], f.clock.now()); // -17 %
    await f.advance(2 * MINUTE);
    expect(await f.messages('&campaign=price_drop')).toHaveLength(1);
  });
});

test('a sale ending in 6 hours gives its price-drop message 6 hours to live', async () => {
  const f = await pushFixture();
  const sub = await f.subscribe('viewer');
  await f.send('viewer', f.event('view_item', { items: [{ item_id: MUG.item_id }] }));
  await f.advance(MINUTE);
  const from = new Date(f.clock.now() - HOUR).toISOString();
  const to = new Date(f.clock.now() + 6 * HOUR).toISOString();
  await importFeed(f.db, f.site.id, [{ ...MUG, price: '12.50 EUR', sale_price: '9.00 EUR', sale_price_effective_date: `${from}/${to}` }], f.clock.now());
  await f.advance(MINUTE);
  const [pushed] = f.service.messagesFor(sub.endpoint);
  expect(JSON.parse(pushed!.text).title).toBe('Blue enamel mug is now €9.00');
  expect(pushed!.ttl).toBe(Math.floor((Date.parse(to) - f.clock.now()) / 1000));
  expect(pushed!.ttl).toBeLessThan(6 * 3600);
  expect((await f.messages('&campaign=price_drop'))[0]!.expiresAt).toBe(to);
});
