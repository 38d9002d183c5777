import { describe, expect, test } from 'vitest';
import { createCatalogIndex, sortItems } from './catalog-index.ts';
import { testItem } from './test-catalog.ts';

const items = [
  testItem({ item_id: 'A', item_name: 'Jumbo Bag Owls', price: 2.08, popularity: 3, item_category: 'Bags & Storage' }),
  testItem({ item_id: 'B', item_name: 'Heart of Wicker Small', price: 1.65, popularity: 1, item_category: 'Home Decor' }),
  testItem({ item_id: 'C', item_name: 'Lunch Bag Red Retrospot', price: 1.65, popularity: 2, item_category: 'Bags & Storage' }),
];

describe('sortItems', () => {
  test.each([
    ['popular', ['B', 'C', 'A']],
    ['price-asc', ['B', 'C', 'A']], // equal prices fall back to popularity
    ['price-desc', ['A', 'B', 'C']],
    ['name', ['B', 'A', 'C']],
  ] as const)('%s', (order, ids) => {
    expect(sortItems(items, order).map((i) => i.item_id)).toEqual(ids);
  });
});

describe('createCatalogIndex', () => {
  const catalog = createCatalogIndex(items);

  test('groups products into departments with slugs, biggest first', () => {
    expect(catalog.categories.map((c) => [c.slug, c.items.map((i) => i.item_id)])).toEqual([
      ['bags-storage', ['C', 'A']],
      ['home-decor', ['B']],
    ]);
    expect(catalog.category('home-decor')?.name).toBe('Home Decor');
    expect(catalog.category('nope')).toBeUndefined();
  });

  test('searches by word prefixes in name and department', () => {
    expect(catalog.search('bag').map((i) => i.item_id)).toEqual(['C', 'A']);
    expect(catalog.search('JUMBO  bag!').map((i) => i.item_id)).toEqual(['A']);
    expect(catalog.search('decor').map((i) => i.item_id)).toEqual(['B']);
    expect(catalog.search('ag')).toEqual([]);
    expect(catalog.search('  ')).toEqual([]);
  });
});
