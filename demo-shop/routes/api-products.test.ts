import { describe, expect, test } from 'vitest';
import { createDemoShop } from '../app.ts';
import { TEST_SNIPPET, testItem } from '../test-catalog.ts';

const catalog = Array.from({ length: 30 }, (_, i) =>
  testItem({ item_id: `P${i}`, item_name: `Jumbo Bag ${String(29 - i).padStart(2, '0')}`, price: 1 + ((i * 7) % 30) / 10, popularity: i + 1, item_category: 'Bags & Storage' }),
).concat(testItem({ item_id: 'X', item_category: 'Home Decor', popularity: 31 }));
const app = createDemoShop({ snippet: TEST_SNIPPET, catalog });

interface ProductsResponse {
  total: number;
  offset: number;
  limit: number;
  sort: string;
  items: { item_id: string; price: number; item_name: string }[];
  html: string;
}

async function products(query: string): Promise<ProductsResponse> {
  const response = await app.request(`/api/products?${query}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return (await response.json()) as ProductsResponse;
}

describe('GET /api/products', () => {
  test('pages a category by popularity by default', async () => {
    const body = await products('category=bags-storage');
    expect(body).toMatchObject({ total: 30, offset: 0, limit: 24, sort: 'popular' });
    expect(body.items.map((i) => i.item_id).slice(0, 3)).toEqual(['P0', 'P1', 'P2']);
    expect(body.items).toHaveLength(24);
  });

  test('returns the next slice for "load more"', async () => {
    const body = await products('category=bags-storage&offset=24&limit=24');
    expect(body.items.map((i) => i.item_id)).toEqual(['P24', 'P25', 'P26', 'P27', 'P28', 'P29']);
  });

  test.each([
    ['price-asc', (a: number, b: number) => a <= b],
    ['price-desc', (a: number, b: number) => a >= b],
  ])('sorts by %s', async (sort, inOrder) => {
    const prices = (await products(`category=bags-storage&sort=${sort}&limit=30`)).items.map((i) => i.price);
    expect(new Set(prices).size).toBeGreaterThan(1);
    prices.slice(1).forEach((price, i) => expect(inOrder(prices[i]!, price)).toBe(true));
  });

  test('sorts by name', async () => {
    const names = (await products('category=bags-storage&sort=name&limit=3')).items.map((i) => i.item_name);
    expect(names).toEqual(['Jumbo Bag 00', 'Jumbo Bag 01', 'Jumbo Bag 02']); // the least popular ones
  });

  test('includes the cards as the server renders them', async () => {
    const body = await products('category=bags-storage&limit=2');
    expect(body.html.match(/data-testid="product-card"/g)).toHaveLength(2);
    expect(body.html).toContain('data-item-id="P0"');
  });

  test('filters by search words', async () => {
    expect((await products('q=product')).items.map((i) => i.item_id)).toEqual(['X']);
  });

  test('404s an unknown category', async () => {
    expect((await app.request('/api/products?category=nope')).status).toBe(404);
  });

  test.each(['sort=cheapest', 'limit=0', 'limit=5000', 'offset=-1', 'offset=abc'])('rejects %s', async (query) => {
    const response = await app.request(`/api/products?category=bags-storage&${query}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid query' });
  });
});
