import { describe, expect, test } from 'vitest';
import { cart, purchase, removeFromCart, testShop, view } from './test-shop.ts';

describe('scenarios on a small shop fed through the collector', () => {
  test('popular: the most viewed, carted and bought first; with a category, only that category', async () => {
    const t = await testShop();
    await t.seedHistory();
    expect(await t.ids({ visitor: 'new', scenario: 'popular', limit: 3 })).toEqual(['m1', 't1', 't2']);
    expect(await t.ids({ visitor: 'new', scenario: 'popular', category: 'mugs' })).toEqual(['m1', 'm2', 'm3']);
  });

  test('similar: co-viewed items first, then the same category by brand and price band', async () => {
    const t = await testShop();
    await t.seedHistory();
    await t.send('z', [view('m4')]); // a mug no session shares with m2
    const r = await t.get({ visitor: 'new', scenario: 'similar', item: 'm2', limit: 4 });
    expect(r.body.scenario).toBe('similar');
    // m1 is the only item seen with m2; then mugs: m3 (Lux, 90) and m4 (Other, 11): the near price wins
    expect(r.body.items.map((i) => i.item_id).slice(0, 3)).toEqual(['m1', 'm4', 'm3']);
  });

  test('also-bought: bought together before carted together; without an item, from the visitor’s cart', async () => {
    const t = await testShop();
    await t.seedHistory();
    expect((await t.ids({ visitor: 'new', scenario: 'also-bought', item: 'm1', limit: 2 }))).toEqual(['t1', 's1']);
    await t.send('shopper', [cart('s1')]);
    // s1 was carted with m1 only
    expect((await t.ids({ visitor: 'shopper', scenario: 'also-bought', limit: 1 }))).toEqual(['m1']);
  });

  test('for-you: what sessions like the visitor’s went on to view', async () => {
    const t = await testShop();
    await t.seedHistory();
    await t.send('me', [view('m2')]);
    expect((await t.ids({ visitor: 'me', scenario: 'for-you', limit: 1 }))).toEqual(['m1']);
    await t.send('me2', [view('t2')]);
    expect((await t.ids({ visitor: 'me2', scenario: 'for-you', limit: 1 }))).toEqual(['m1']); // no co-views: popular fill
  });

  test('recently-viewed: newest first, each once, never filled with other products', async () => {
    const t = await testShop();
    await t.seedHistory();
    await t.send('me', [view('m1'), view('t2'), view('m2'), view('m1')]);
    expect(await t.ids({ visitor: 'me', scenario: 'recently-viewed' })).toEqual(['m1', 'm2', 't2']);
    expect(await t.ids({ visitor: 'me', scenario: 'recently-viewed', item: 'm2' })).toEqual(['m1', 't2']);
    expect(await t.ids({ visitor: 'nobody', scenario: 'recently-viewed' })).toEqual([]);
  });

  test('replenish: products re-bought at a typical interval, due from 0.8 of it until 3×, nothing else', async () => {
    const t = await testShop();
    await t.seedHistory();
    const DAY = 24 * 3600 * 1000;
    // three buyers re-buy socks after 9, 10 and 12 days (typical: 10); tees are bought once each
    for (const [vid, gap] of [['r1', 9], ['r2', 10], ['r3', 12]] as const) {
      await t.send(vid, [purchase('s1', 't1')]);
      t.clock.advance(gap * DAY);
      await t.send(vid, [purchase('s1')]);
    }
    await t.send('me', [purchase('s1', 't1')]);
    t.clock.advance(7 * DAY);
    expect(await t.ids({ visitor: 'me', scenario: 'replenish' })).toEqual([]); // 0.7 of the interval: not yet
    t.clock.advance(2 * DAY);
    expect(await t.ids({ visitor: 'me', scenario: 'replenish' })).toEqual(['s1']); // bought items are the point here
    await t.send('me', [cart('s1')]);
    expect(await t.ids({ visitor: 'me', scenario: 'replenish' })).toEqual([]); // already in the cart
    await t.send('me', [removeFromCart('s1')]);
    t.clock.advance(25 * DAY);
    expect(await t.ids({ visitor: 'me', scenario: 'replenish' })).toEqual([]); // 3.4 intervals: moved on
  });

  test('win-back: picks from everything the visitor viewed and bought, never what they bought', async () => {
    const t = await testShop();
    await t.seedHistory();
    await t.send('gone', [view('m2'), cart('m2'), purchase('m2')]);
    const got = await t.ids({ visitor: 'gone', scenario: 'win-back', limit: 3 });
    expect(got[0]).toBe('m1'); // viewed with m2 in three sessions
    expect(got).not.toContain('m2');
    expect(got.slice(1)).toEqual(['m3', 't1']); // the rest of their favourite category (mugs), then the site's best
    expect(await t.ids({ visitor: 'stranger', scenario: 'win-back', limit: 2 })).toEqual(['m1', 't1']); // no history: popular
  });

  test('the response carries what the widget shows, and a fresh rec_id each time', async () => {
    const t = await testShop();
    await t.seedHistory();
    const a = await t.get({ visitor: 'new', scenario: 'popular', limit: 1 });
    const b = await t.get({ visitor: 'new', scenario: 'popular', limit: 1 });
    expect(a.body.items).toEqual([{ item_id: 'm1', name: 'Blue mug', price: 10, image: 'https://shop.example/m1.jpg', url: 'https://shop.example/m1' }]);
    expect(a.body.rec_id).toMatch(/^r_[\w-]{16}$/);
    expect(a.body.rec_id).not.toBe(b.body.rec_id);
  });
});

describe('hard exclusions, on every scenario', () => {
  const scenarios = ['popular', 'similar', 'also-bought', 'for-you', 'win-back'] as const;

  test('out of stock and discontinued items are never shown, and come back when restocked', async () => {
    const t = await testShop();
    await t.seedHistory();
    await t.feed([{ item_id: 't1', availability: 'out_of_stock' }, { item_id: 'm2', availability: 'discontinued' }]);
    for (const scenario of scenarios) {
      const got = await t.ids({ visitor: 'a1', scenario, item: 'm1', limit: 50 });
      expect(got, scenario).not.toContain('t1');
      expect(got, scenario).not.toContain('m2');
      expect(got.length, scenario).toBeGreaterThan(0);
    }
    await t.feed([{ item_id: 't1', availability: 'in_stock' }]);
    expect(await t.ids({ visitor: 'new', scenario: 'popular', limit: 2 })).toContain('t1');
  });

  test('hidden items are never shown once the products are refreshed', async () => {
    const t = await testShop();
    await t.seedHistory();
    expect(await t.ids({ visitor: 'new', scenario: 'popular', limit: 50 })).toContain('t1');
    await t.db.client.execute("UPDATE products SET hidden = 1 WHERE item_id = 't1'");
    await t.service.refreshProducts(t.site.id);
    for (const scenario of scenarios) expect(await t.ids({ visitor: 'a1', scenario, item: 'm1', limit: 50 }), scenario).not.toContain('t1');
  });

  test('stale products are re-read in the background after productRefreshMs', async () => {
    const t = await testShop({ productRefreshMs: 1000 });
    await t.seedHistory();
    await t.db.client.execute("UPDATE products SET hidden = 1 WHERE item_id = 'm1'");
    t.clock.advance(1001);
    expect(await t.ids({ visitor: 'new', scenario: 'popular', limit: 1 })).toEqual(['m1']); // this one triggers the re-read
    await t.service.refreshProducts(t.site.id);
    expect(await t.ids({ visitor: 'new', scenario: 'popular', limit: 1 })).toEqual(['t1']);
  });

  test('items in the visitor’s cart, and the item on the page, are excluded', async () => {
    const t = await testShop();
    await t.seedHistory();
    await t.send('me', [view('m2'), cart('t1')]);
    for (const scenario of scenarios) {
      const got = await t.ids({ visitor: 'me', scenario, item: 'm2', limit: 50 });
      expect(got, scenario).not.toContain('t1');
      expect(got, scenario).not.toContain('m2');
    }
  });

  test('items the visitor already bought are excluded, a removed cart item is not', async () => {
    const t = await testShop();
    await t.seedHistory();
    await t.send('me', [cart('t2'), removeFromCart('t2'), cart('t1'), purchase('t1')]);
    for (const scenario of scenarios) {
      const got = await t.ids({ visitor: 'me', scenario, item: 'm1', limit: 50 });
      expect(got, scenario).not.toContain('t1');
    }
    expect(await t.ids({ visitor: 'me', scenario: 'popular', limit: 50 })).toContain('t2');
  });
});

describe('fill and min', () => {
  test('a model with too little to say is filled from popularity', async () => {
    const t = await testShop();
    await t.seedHistory();
    // m3 was seen once with m1: similar has m1, then mugs, then the site's best sellers
    const got = await t.ids({ visitor: 'new', scenario: 'similar', item: 'm3', limit: 5 });
    expect(got).toEqual(['m1', 'm2', 't1', 't2', 's1']);
  });

  test('fewer than min left → an empty list; limit caps the list', async () => {
    const t = await testShop();
    await t.seedHistory(); // six products known
    expect(await t.ids({ visitor: 'new', scenario: 'popular', limit: 50 })).toHaveLength(6);
    expect(await t.ids({ visitor: 'new', scenario: 'popular', limit: 50, min: 6 })).toHaveLength(6);
    expect(await t.ids({ visitor: 'new', scenario: 'popular', limit: 50, min: 7 })).toEqual([]);
    expect(await t.ids({ visitor: 'new', scenario: 'popular' })).toHaveLength(6);
    expect(await t.ids({ visitor: 'new', scenario: 'popular', limit: 2 })).toHaveLength(2);
  });
});
