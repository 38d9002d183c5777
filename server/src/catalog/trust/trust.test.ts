import { describe, expect, test } from 'vitest';
import { SHOP_ORIGIN, testApp } from '../../../test/helpers.ts';
import { applyCatalogSettings, trustedChangesSince, trustedProduct } from './index.ts';
import { importFeed, viewFrom } from './testing.ts';

const mug = { item_id: 'SKU-1', item_name: 'White Mug', price: 4.5, currency: 'GBP', image: 'https://cdn.shop.example/1.jpg', url: `${SHOP_ORIGIN}/p/1`, availability: 'in_stock' };
/** what one forger's page says of the mug: another name, a link off the shop, a price drop, an http image */
const forged = { ...mug, item_name: 'FREE PHONE call 0900', url: 'https://evil.example/p/1', price: 0.5, image: 'http://evil.example/1.jpg' };

async function shop() {
  const t = await testApp();
  const site = { id: t.site.id, allowedOrigins: t.site.allowedOrigins };
  return { ...t, product: () => trustedProduct(t.db, site, 'SKU-1'), changes: () => trustedChangesSince(t.db, t.site.id, 0, 100) };
}

describe('what a message may say of a product', () => {
  test('a forged event from one visitor reaches neither the product nor its changes', async () => {
    const t = await shop();
    await importFeed(t.db, t.site.id, [mug], t.clock.now());
    const before = await t.changes();
    t.clock.advance(60_000);
    await viewFrom(t.app, ['forger'], forged);
    await viewFrom(t.app, ['forger'], forged); // again: the same visitor is never counted twice
    expect(await t.product()).toEqual({ itemId: 'SKU-1', name: 'White Mug', price: 4.5, currency: 'GBP', image: mug.image, url: mug.url, availability: 'in_stock', saleEndsAt: null });
    expect(await t.changes()).toEqual(before);
  });

  test('a feed is trusted at once: its price and availability changes are there with the old values', async () => {
    const t = await shop();
    await importFeed(t.db, t.site.id, [mug], t.clock.now());
    t.clock.advance(60_000);
    await importFeed(t.db, t.site.id, [{ ...mug, price: 3.99, availability: 'out_of_stock' }], t.clock.now());
    const changes = await t.changes();
    expect(changes.map((c) => [c.field, c.oldValue, c.newValue])).toEqual([
      ['price', null, '4.5'],
      ['availability', null, 'in_stock'],
      ['price', '4.5', '3.99'],
      ['availability', 'in_stock', 'out_of_stock'],
    ]);
    expect(changes.at(-1)!.changedAt).toBe(t.clock.now());
    expect(await trustedChangesSince(t.db, t.site.id, changes[1]!.id, 1)).toEqual([changes[2]]); // a cursor, and a limit
    expect((await t.product())?.price).toBe(3.99);
  });

  test('the same value from three distinct visitors is trusted, counted from the moment the third reported it', async () => {
    const t = await shop();
    await importFeed(t.db, t.site.id, [mug], t.clock.now());
    const feedChanges = (await t.changes()).length;
    const drop = { ...mug, price: 3.5 };
    await viewFrom(t.app, ['a', 'b'], drop);
    expect((await t.product())?.price).toBe(4.5);
    expect(await t.changes()).toHaveLength(feedChanges);
    t.clock.advance(5 * 60_000);
    await viewFrom(t.app, ['c'], drop);
    expect((await t.product())?.price).toBe(3.5);
    const changes = (await t.changes()).slice(feedChanges);
    expect(changes).toEqual([{ id: expect.any(Number), itemId: 'SKU-1', field: 'price', oldValue: '4.5', newValue: '3.5', changedAt: t.clock.now() }]);
    // a fourth visitor repeats what is trusted now: nothing more
    await viewFrom(t.app, ['d'], drop);
    expect(await t.changes()).toHaveLength(feedChanges + 1);
  });

  test('a product only events describe has empty fields until three visitors agree; a link off the shop and an http image never show', async () => {
    const t = await shop();
    await viewFrom(t.app, ['forger'], forged);
    expect(await t.product()).toEqual({ itemId: 'SKU-1', name: null, price: null, currency: null, image: null, url: null, availability: null, saleEndsAt: null });
    await viewFrom(t.app, ['a', 'b'], forged);
    expect(await t.product()).toEqual({ itemId: 'SKU-1', name: 'FREE PHONE call 0900', price: 0.5, currency: 'GBP', image: null, url: null, availability: 'in_stock', saleEndsAt: null });
    await viewFrom(t.app, ['c', 'd', 'e'], mug);
    expect(await t.product()).toEqual({ itemId: 'SKU-1', name: 'White Mug', price: 4.5, currency: 'GBP', image: mug.image, url: mug.url, availability: 'in_stock', saleEndsAt: null });
    expect((await t.changes()).map((c) => [c.field, c.oldValue, c.newValue])).toEqual([
      ['price', null, '0.5'],
      ['availability', null, 'in_stock'],
      ['price', '0.5', '4.5'],
    ]);
  });

  test('several visitors in one group commit, and one visitor under many events, count as they are', async () => {
    const t = await shop();
    await importFeed(t.db, t.site.id, [mug], t.clock.now());
    // one forger, many events in one batch: one report
    await viewFrom(t.app, ['forger'], forged);
    await Promise.all(['a', 'b'].map((vid) => viewFrom(t.app, [vid], { ...mug, price: 3 })));
    expect((await t.product())?.price).toBe(4.5);
    await Promise.all(['c', 'd', 'e'].map((vid) => viewFrom(t.app, [vid], { ...mug, price: 3 })));
    expect((await t.product())?.price).toBe(3);
    expect((await t.changes()).filter((c) => c.newValue === '3')).toHaveLength(1);
  });

  test('a feed value starts the count afresh: reports made before it no longer count', async () => {
    const t = await shop();
    await importFeed(t.db, t.site.id, [mug], t.clock.now());
    await viewFrom(t.app, ['a', 'b'], { ...mug, price: 3 });
    await importFeed(t.db, t.site.id, [{ ...mug, price: 4 }], t.clock.now());
    await viewFrom(t.app, ['c'], { ...mug, price: 3 });
    expect((await t.product())?.price).toBe(4);
    await viewFrom(t.app, ['d', 'e'], { ...mug, price: 3 });
    expect((await t.product())?.price).toBe(3);
  });

  test('the site’s threshold applies to the next report', async () => {
    const t = await shop();
    await importFeed(t.db, t.site.id, [mug], t.clock.now());
    await applyCatalogSettings(t.db, t.site.id, { trustedReporters: 5 }, t.clock.now());
    await viewFrom(t.app, ['a', 'b', 'c', 'd'], { ...mug, price: 3 });
    expect((await t.product())?.price).toBe(4.5);
    await viewFrom(t.app, ['e'], { ...mug, price: 3 });
    expect((await t.product())?.price).toBe(3);
    await applyCatalogSettings(t.db, t.site.id, { trustedReporters: 2 }, t.clock.now());
    await viewFrom(t.app, ['f', 'g'], { ...mug, price: 3, item_name: 'Mug, white' });
    expect((await t.product())?.name).toBe('Mug, white');
  });

  test('a hidden or unknown product says nothing', async () => {
    const t = await shop();
    expect(await t.product()).toBeNull();
    await importFeed(t.db, t.site.id, [mug], t.clock.now());
    await t.db.client.execute("UPDATE products SET hidden = 1 WHERE item_id = 'SKU-1'");
    expect(await t.product()).toBeNull();
  });
});
