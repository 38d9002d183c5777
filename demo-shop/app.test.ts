import { describe, expect, test } from 'vitest';
import { createDemoShop } from './app.ts';
import { TEST_SNIPPET } from './test-catalog.ts';

// The real catalog, so the pages are the ones the demo serves.
const app = createDemoShop({ snippet: TEST_SNIPPET });

function head(page: string): string {
  return page.slice(page.indexOf('<head>'), page.indexOf('</head>'));
}

describe('every page', () => {
  test.each([
    ['home', '/'],
    ['category', '/category/bags-storage'],
    ['category, sorted and paged', '/category/bags-storage?sort=price-desc&page=2'],
    ['product', '/product/85123A'],
    ['search', '/search?q=heart'],
    ['empty search', '/search'],
    ['basket', '/cart'],
    ['checkout', '/checkout'],
    ['order confirmation', '/order/LC-M3K9P2QX-7Q4F'],
  ])('%s page renders with the snippet once, verbatim, in <head>', async (_, path) => {
    const response = await app.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page.split(TEST_SNIPPET)).toHaveLength(2);
    expect(head(page)).toContain(TEST_SNIPPET);
    expect(page).toContain('<script type="module" src="/assets/shop.js"></script>');
    expect(page).toContain('data-testid="cart-count"');
  });
});

describe('recommendation blocks, placed the way a shop owner places them', () => {
  test.each([
    ['home', '/', ['<div data-shoploop="auto" data-limit="4"']],
    ['product', '/product/85123A', ['<div data-shoploop="also-bought" data-item="85123A" data-limit="4"', '<div data-shoploop="similar" data-limit="4"']],
    ['basket', '/cart', ['<div data-shoploop="also-bought" data-limit="4"']],
    ['order confirmation', '/order/LC-M3K9P2QX-7Q4F', ['<div data-shoploop="for-you" data-limit="4"']],
  ])('%s page', async (_, path, blocks) => {
    const page = await (await app.request(path)).text();
    for (const block of blocks) expect(page).toContain(block);
  });
});

describe('pages', () => {
  test('home shows best sellers and every department', async () => {
    const page = await (await app.request('/')).text();
    expect(page).toContain('data-item-id="85123A"');
    expect(page).toContain('href="/category/candles-lights"');
    expect(page).toContain('data-item-list-id="popular"');
  });

  test('a category page shows its first page of products, with sort and load-more hooks', async () => {
    const page = await (await app.request('/category/bags-storage')).text();
    expect(page.match(/data-testid="product-card"/g)).toHaveLength(24);
    expect(page).toContain('data-testid="sort"');
    expect(page).toMatch(/data-testid="load-more" href="\?page=2"(?! hidden)/);
  });

  test('?page=2 shows two pages, as after one "Load more"', async () => {
    const page = await (await app.request('/category/bags-storage?page=2')).text();
    expect(page.match(/data-testid="product-card"/g)).toHaveLength(48);
  });

  test('the last page hides "Load more"', async () => {
    const page = await (await app.request('/category/bags-storage?page=3')).text();
    expect(page).toMatch(/data-testid="load-more" href="[^"]*" hidden/);
  });

  test('search finds products by name and labels the search term', async () => {
    const page = await (await app.request('/search?q=jumbo+bag')).text();
    expect(page).toContain('data-search-term="jumbo bag"');
    expect(page).toContain('data-item-id="85099B"'); // Jumbo Bag Red Retrospot
    expect(page).not.toContain('data-item-id="85123A"');
  });

  test('the order page carries the order id for the confirmation script', async () => {
    const page = await (await app.request('/order/LC-ABC123')).text();
    expect(page).toMatch(/data-testid="order-confirmation" data-order-id="LC-ABC123"/);
  });
});

describe('not found', () => {
  test.each([
    ['an unknown path', '/nope'],
    ['an unknown product', '/product/NOPE'],
    ['an unknown category', '/category/nope'],
    ['a malformed order id', '/order/%3Cscript%3E'],
  ])('%s gets the shop 404 page with the snippet', async (_, path) => {
    const response = await app.request(path);
    expect(response.status).toBe(404);
    const page = await response.text();
    expect(page).toContain("Sorry, we can't find that page");
    expect(head(page)).toContain(TEST_SNIPPET);
  });
});

describe('assets', () => {
  test('serves the browser script as JavaScript and the stylesheet as CSS', async () => {
    const script = await app.request('/assets/shop.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toContain("import { initCartPage } from './cart-page.js'");
    const css = await app.request('/assets/shop.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  test('serves nothing outside the assets folder', async () => {
    expect((await app.request('/assets/..%2Fapp.ts')).status).toBe(404);
    expect((await app.request('/assets/missing.js')).status).toBe(404);
  });
});
