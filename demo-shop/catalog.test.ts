import { statSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CATALOG_PATH, loadCatalog } from './catalog.ts';

// The committed catalog is what a fresh clone serves and what the demo imports into Shoploop.
describe('data/catalog.json', () => {
  const catalog = loadCatalog();

  test('is commit-sized and holds a few hundred products', () => {
    expect(statSync(DEFAULT_CATALOG_PATH).size).toBeLessThan(200 * 1024);
    expect(catalog.length).toBeGreaterThanOrEqual(250);
    expect(catalog.length).toBeLessThanOrEqual(400);
  });

  test('has unique ids and a popularity rank for each product', () => {
    expect(new Set(catalog.map((i) => i.item_id)).size).toBe(catalog.length);
    expect(catalog.map((i) => i.popularity).sort((a, b) => a - b)).toEqual(catalog.map((_, index) => index + 1));
  });

  test('links each product to its page and image on the shop', () => {
    for (const item of catalog) {
      expect(item.url).toBe(`/product/${item.item_id}`);
      expect(item.image).toBe(`/images/${item.item_id}.svg`);
    }
  });

  test('spreads products over departments, with a few out of stock', () => {
    const departments = new Set(catalog.map((i) => i.item_category));
    expect(departments.size).toBeGreaterThanOrEqual(8);
    const soldOut = catalog.filter((i) => i.availability === 'out_of_stock').length;
    expect(soldOut).toBeGreaterThan(0);
    expect(soldOut).toBeLessThan(catalog.length / 10);
  });

  test('keeps the real best seller', () => {
    expect(catalog[0]).toMatchObject({ item_id: '85123A', item_name: 'White Hanging Heart T-Light Holder', price: 2.95, currency: 'GBP' });
  });
});
