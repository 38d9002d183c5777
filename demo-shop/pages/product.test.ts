import { describe, expect, test } from 'vitest';
import { createDemoShop } from '../app.ts';
import { TEST_SNIPPET, testItem } from '../test-catalog.ts';

const catalog = [
  testItem({ item_id: '85123A', item_name: 'White Hanging Heart T-Light Holder', price: 2.95, item_category: 'Candles & Lights', popularity: 1 }),
  testItem({ item_id: '22502', item_name: 'Picnic Basket Wicker Small', price: 5.95, availability: 'out_of_stock', item_category: 'Kitchen & Dining', popularity: 2 }),
];
const app = createDemoShop({ snippet: TEST_SNIPPET, catalog });

async function productPage(id: string): Promise<string> {
  const response = await app.request(`http://shop.test:8080/product/${id}`);
  expect(response.status).toBe(200);
  return response.text();
}

function jsonLd(page: string): Record<string, any> {
  const blocks = [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)];
  expect(blocks).toHaveLength(1);
  return JSON.parse(blocks[0]![1]!);
}

describe('product page JSON-LD', () => {
  test('describes the product with absolute URLs on the shop origin', async () => {
    expect(jsonLd(await productPage('85123A'))).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Product',
      sku: '85123A',
      name: 'White Hanging Heart T-Light Holder',
      image: 'http://shop.test:8080/images/85123A.svg',
      category: 'Candles & Lights',
      brand: { '@type': 'Brand', name: 'Loop & Co.' },
      offers: {
        price: 2.95,
        priceCurrency: 'GBP',
        availability: 'https://schema.org/InStock',
        url: 'http://shop.test:8080/product/85123A',
      },
    });
  });

  test('has a description', async () => {
    expect(jsonLd(await productPage('85123A')).description).toMatch(/^White Hanging Heart T-Light Holder from the Loop & Co\./);
  });

  test('says OutOfStock for a sold-out product', async () => {
    expect(jsonLd(await productPage('22502')).offers.availability).toBe('https://schema.org/OutOfStock');
  });
});

describe('add to basket', () => {
  test('is enabled for a product in stock', async () => {
    expect(await productPage('85123A')).toMatch(/<button type="submit" class="button" data-testid="add-to-cart">Add to basket<\/button>/);
  });

  test('is disabled for a sold-out product', async () => {
    expect(await productPage('22502')).toMatch(/data-testid="add-to-cart" disabled>Out of stock</);
  });

  test('carries the GA4 item for the browser script', async () => {
    const page = await productPage('85123A');
    const attribute = /data-product data-item="([^"]*)"/.exec(page)?.[1] ?? '';
    expect(JSON.parse(attribute.replace(/&quot;/g, '"').replace(/&amp;/g, '&'))).toEqual({
      item_id: '85123A',
      item_name: 'White Hanging Heart T-Light Holder',
      price: 2.95,
      currency: 'GBP',
      item_category: 'Candles & Lights',
      item_brand: 'Loop & Co.',
    });
  });
});
