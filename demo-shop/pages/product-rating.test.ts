import { afterEach, describe, expect, test, vi } from 'vitest';
import { createDemoShop } from '../app.ts';
import { ratingAnswer, ratingStandIn, type StandIn } from '../ratings/testing.ts';
import { TEST_SNIPPET, testItem } from '../test-catalog.ts';

const catalog = [
  testItem({ item_id: '85123A', item_name: 'White Hanging Heart T-Light Holder', price: 2.95, item_category: 'Candles & Lights', popularity: 1 }),
  testItem({ item_id: '22423', item_name: 'Regency Cakestand 3 Tier', price: 12.75, item_category: 'Candles & Lights', popularity: 2 }),
];

let standIn: StandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
  vi.restoreAllMocks();
});

/** The shop with Shoploop's rating URL on a stand-in answering `answer` for 85123A and "no reviews" for the rest. */
async function shopWithRatings(answer: { status: number; body: unknown } | 'hang' = { status: 200, body: ratingAnswer('85123A') }, timeoutMs?: number) {
  standIn = await ratingStandIn((path) => (path.startsWith('/v1/items/85123A/') ? answer : { status: 200, body: ratingAnswer('x', { aggregateRating: undefined, review: undefined }) }));
  return createDemoShop({ snippet: TEST_SNIPPET, catalog, ratings: { api: standIn.url, site: 'pk_test_123', ...(timeoutMs ? { timeoutMs } : {}) } });
}

async function page(app: ReturnType<typeof createDemoShop>, path: string): Promise<string> {
  const response = await app.request(`http://shop.test:8080${path}`);
  expect(response.status).toBe(200);
  return response.text();
}

function jsonLdBlocks(html: string): string[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => m[1]!);
}

describe('product page rating, rendered by the shop’s server', () => {
  test('the product’s own JSON-LD carries aggregateRating and review, one Product per page', async () => {
    const blocks = jsonLdBlocks(await page(await shopWithRatings(), '/product/85123A'));
    expect(blocks).toHaveLength(1);
    const product = JSON.parse(blocks[0]!);
    expect(product).toMatchObject({ '@type': 'Product', sku: '85123A', name: 'White Hanging Heart T-Light Holder', offers: { price: 2.95 } });
    expect(product.aggregateRating).toEqual({ '@type': 'AggregateRating', ratingValue: 4.5, bestRating: 5, worstRating: 1, ratingCount: 2, reviewCount: 2 });
    expect(product.review).toHaveLength(2);
    expect(product.review[0]).toEqual({
      '@type': 'Review',
      datePublished: '2026-11-20',
      reviewRating: { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1 },
      author: { '@type': 'Person', name: '<img src=x onerror=alert(1)>' },
      name: 'Lovely </script><script>alert(2)</script>',
      reviewBody: '<script>alert(1)</script> <!-- and a comment',
    });
    expect(standIn!.requests).toEqual(['/v1/items/85123A/rating.jsonld?site=pk_test_123']);
  });

  test('a review saying </script> or <!-- cannot end the JSON-LD block or reach the page as markup', async () => {
    const html = (await page(await shopWithRatings(), '/product/85123A')).replace(TEST_SNIPPET, '');
    const [block] = jsonLdBlocks(html);
    expect(block).not.toMatch(/<\/script|<!--|<script|<img/i);
    expect(html).not.toContain('<img src=x');
    expect(html.match(/<script/g)).toHaveLength(3); // dataLayer, JSON-LD, shop.js: none from the review
  });

  test('the rating is also visible as text under the name, linking to the reviews block', async () => {
    const html = await page(await shopWithRatings(), '/product/85123A');
    expect(html).toContain('<p class="product-rating" data-testid="product-rating"><a href="#reviews"><span class="stars" aria-hidden="true">★★★★★</span> 4.5 out of 5 · 2 reviews</a></p>');
  });

  test('the page shows the reviews block for its item; a product without reviews has no rating markup', async () => {
    const app = await shopWithRatings();
    expect(await page(app, '/product/85123A')).toContain('<section class="shoploop-slot" id="reviews">\n  <div data-shoploop="reviews" data-item="85123A"></div>');
    const other = await page(app, '/product/22423');
    expect(other).toContain('<div data-shoploop="reviews" data-item="22423"></div>');
    expect(JSON.parse(jsonLdBlocks(other)[0]!)).not.toHaveProperty('aggregateRating');
    expect(other).not.toContain('product-rating');
  });

  test('a Shoploop that does not answer delays the page by at most the timeout, and the page has no rating', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const app = await shopWithRatings('hang', 200);
    const started = performance.now();
    const html = await page(app, '/product/85123A');
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(JSON.parse(jsonLdBlocks(html)[0]!)).not.toHaveProperty('aggregateRating');
    expect(html).toContain('data-shoploop="reviews"'); // the browser may still get the reviews later
  });

  test('a Shoploop answering an error leaves the page whole', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const html = await page(await shopWithRatings({ status: 500, body: { error: 'boom' } }), '/product/85123A');
    expect(JSON.parse(jsonLdBlocks(html)[0]!)).toMatchObject({ sku: '85123A', offers: { price: 2.95 } });
  });

  test('without ratings configured, the shop asks nobody and pages carry no rating', async () => {
    const app = createDemoShop({ snippet: TEST_SNIPPET, catalog });
    expect(JSON.parse(jsonLdBlocks(await page(app, '/product/85123A'))[0]!)).not.toHaveProperty('aggregateRating');
  });
});

describe('listing cards', () => {
  test('every card has compact rating stars for its item, on pages and in the products API', async () => {
    const app = createDemoShop({ snippet: TEST_SNIPPET, catalog });
    const home = await page(app, '/');
    expect(home).toContain('<div class="card-rating" data-shoploop="rating" data-item="85123A"></div>');
    expect(home).toContain('<div class="card-rating" data-shoploop="rating" data-item="22423"></div>');
    const api = (await (await app.request('/api/products?category=candles-lights')).json()) as { html: string };
    expect(api.html.match(/data-shoploop="rating" data-item="[^"]+"/g)).toEqual(['data-shoploop="rating" data-item="85123A"', 'data-shoploop="rating" data-item="22423"']);
  });
});
