import { describe, expect, test } from 'vitest';
import { createDemoShop } from './app.ts';
import { TEST_SNIPPET, testItem } from './test-catalog.ts';

// Catalog text is data, never markup: a product name could come from anyone who can edit the feed.
const EVIL = '<script>alert("x")</script> & \'Friends\'';
const app = createDemoShop({
  snippet: TEST_SNIPPET,
  catalog: [testItem({ item_id: 'EVIL1', item_name: EVIL, item_category: 'Bags <b>& Boxes</b>' })],
});

async function body(path: string): Promise<string> {
  const response = await app.request(path);
  expect(response.status).toBe(200);
  return response.text();
}

function withoutSnippet(page: string): string {
  return page.replace(TEST_SNIPPET, '');
}

describe('escaping', () => {
  test.each([
    ['product page', '/product/EVIL1'],
    ['category page', '/category/bags-b-boxes-b'],
    ['home page', '/'],
    ['search results', '/search?q=alert'],
  ])('the %s shows a hostile name as text', async (_, path) => {
    const page = withoutSnippet(await body(path));
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Friends&#39;');
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<b>');
  });

  test('the JSON-LD block cannot be closed by a name, and still parses to the real name', async () => {
    const page = await body('/product/EVIL1');
    const block = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)?.[1] ?? '';
    expect(block).not.toContain('</script');
    expect(JSON.parse(block).name).toBe(EVIL);
  });

  test('a search term is echoed as text', async () => {
    const page = withoutSnippet(await body('/search?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E'));
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('data-search-term="&lt;img src=x onerror=alert(1)&gt;"');
  });

  test('the products API renders cards escaped', async () => {
    const response = await app.request('/api/products?category=bags-b-boxes-b');
    const { html } = (await response.json()) as { html: string };
    expect(html).toContain('&lt;script&gt;alert');
    expect(html).not.toContain('<script>');
  });

  test('the product image escapes the name in SVG text', async () => {
    const svg = await body('/images/EVIL1.svg');
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });
});
