import { expect, test } from 'vitest';
import { event } from '../../../test/helpers.ts';
import { catalog, testShop } from '../../recommend/serve/test-shop.ts';

/** m1 as a forger's page describes it: another name, a link off the shop, an http image, a lower price */
const forgedM1 = { ...catalog.m1, item_name: 'FREE PHONE call 0900', url: 'https://evil.example/m1', image: 'http://evil.example/m1.jpg', price: 1 };
const view = (item: Record<string, unknown>) => event('view_item', { items: [item] });

test('a forged event from one visitor never reaches a recommendation block; the same from three visitors does, but never a link off the shop or an http image', async () => {
  const t = await testShop();
  await t.seedHistory();
  const m1 = async () => (await t.get({ visitor: 'new', scenario: 'popular', limit: 1 })).body.items;
  const fromFeed = { item_id: 'm1', name: 'Blue mug', price: 10, image: 'https://shop.example/m1.jpg', url: 'https://shop.example/m1' };
  expect(await m1()).toEqual([fromFeed]);

  await t.send('forger', [view(forgedM1), view(forgedM1)]);
  await t.service.refreshProducts(t.site.id);
  expect(await m1()).toEqual([fromFeed]);

  for (const vid of ['f2', 'f3']) await t.send(vid, [view(forgedM1)]);
  await t.service.refreshProducts(t.site.id);
  expect(await m1()).toEqual([{ item_id: 'm1', name: 'FREE PHONE call 0900', price: 1, image: null, url: null }]);
});

test('a product only one visitor has described is not recommended: it has no trusted name', async () => {
  const t = await testShop();
  await t.seedHistory();
  // n1 is viewed often, always described by the same single visitor
  for (let i = 0; i < 10; i++) await t.send('lonely', [view({ item_id: 'n1', item_name: 'Unvetted', url: 'https://shop.example/n1' })]);
  await t.service.refreshProducts(t.site.id);
  expect((await t.get({ visitor: 'new', scenario: 'popular', limit: 50 })).body.items.map((i) => i.item_id)).not.toContain('n1');
  for (const vid of ['o2', 'o3']) await t.send(vid, [view({ item_id: 'n1', item_name: 'Unvetted', url: 'https://shop.example/n1' })]);
  await t.service.refreshProducts(t.site.id);
  const items = (await t.get({ visitor: 'new', scenario: 'popular', limit: 50 })).body.items;
  expect(items.find((i) => i.item_id === 'n1')).toEqual({ item_id: 'n1', name: 'Unvetted', price: null, image: null, url: 'https://shop.example/n1' });
});
