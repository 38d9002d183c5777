import { describe, expect, test } from 'vitest';
import { createDemoShop } from '../app.ts';
import { TEST_SNIPPET, testItem } from '../test-catalog.ts';

const app = createDemoShop({
  snippet: TEST_SNIPPET,
  catalog: [
    testItem({ item_id: '85123A', item_name: 'White Hanging Heart T-Light Holder' }),
    testItem({ item_id: '22423', item_name: 'Regency Cakestand 3 Tier' }),
  ],
});

async function svg(path: string): Promise<string> {
  const response = await app.request(path);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
  return response.text();
}

describe('GET /images/:id.svg', () => {
  test("draws a tile with the product's initials and name", async () => {
    const image = await svg('/images/85123A.svg');
    expect(image).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(image).toContain('>WH</text>');
    expect(image).toContain('>White Hanging</text>');
  });

  test('is the same every time for a product, and differs between products', async () => {
    const first = await svg('/images/85123A.svg');
    expect(await svg('/images/85123A.svg')).toBe(first);
    const fill = (image: string) => /<rect [^>]*fill="([^"]+)"/.exec(image)?.[1];
    expect(fill(await svg('/images/22423.svg'))).not.toBe(fill(first));
  });

  test('404s an unknown product or a non-SVG name', async () => {
    expect((await app.request('/images/NOPE.svg')).status).toBe(404);
    expect((await app.request('/images/85123A.png')).status).toBe(404);
  });
});
