import type { CatalogItem } from './catalog.ts';

/** A catalog item for tests; override what the test is about. */
export function testItem(overrides: Partial<CatalogItem> & Pick<CatalogItem, 'item_id'>): CatalogItem {
  return {
    item_name: `Product ${overrides.item_id}`,
    price: 1.5,
    currency: 'GBP',
    item_category: 'Home Decor',
    item_brand: 'Loop & Co.',
    availability: 'in_stock',
    image: `/images/${overrides.item_id}.svg`,
    url: `/product/${overrides.item_id}`,
    popularity: 1,
    ...overrides,
  };
}

/** A pasted snippet as Shoploop hands it out: queue stub, then the async script tag. */
export const TEST_SNIPPET =
  '<script>window.shoploop=window.shoploop||function(){(shoploop.q=shoploop.q||[]).push(arguments)}</script>\n' +
  '<script async src="http://localhost:8787/shoploop.js" data-site="pk_test_123"></script>';
