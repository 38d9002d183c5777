import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { createDemoShop } from '../app.ts';
import { TEST_SNIPPET } from '../test-catalog.ts';

const serviceWorker = "importScripts('https://shoploop.example/sw.js');";
const app = createDemoShop({ snippet: TEST_SNIPPET, serviceWorker });

/** width, height and the RGB pixel at (x, y) of an 8-bit RGB PNG without filters, as appIconPng writes it */
function readPng(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([...png.subarray(24, 29)]).toEqual([8, 2, 0, 0, 0]);
  const idatLength = png.readUInt32BE(33);
  expect(png.toString('latin1', 37, 41)).toBe('IDAT');
  const rows = inflateSync(png.subarray(41, 41 + idatLength));
  expect(rows).toHaveLength(height * (1 + width * 3));
  const pixel = (x: number, y: number) => [...rows.subarray(y * (1 + width * 3) + 1 + x * 3, y * (1 + width * 3) + 4 + x * 3)];
  return { width, height, pixel };
}

describe('the shop as an installable web app (iOS allows web push only to one on the Home Screen)', () => {
  test('every page links the manifest, the Home Screen icon and the theme colour', async () => {
    const page = await (await app.request('/')).text();
    expect(page).toContain('<link rel="manifest" href="/manifest.webmanifest">');
    expect(page).toContain('<link rel="apple-touch-icon" href="/icons/apple-touch-icon.png">');
    expect(page).toContain('<meta name="theme-color" content="#b8532f">');
  });

  test('the manifest is standalone, starts at the shop’s root and lists icons that exist with the sizes it says', async () => {
    const response = await app.request('/manifest.webmanifest');
    expect(response.headers.get('content-type')).toBe('application/manifest+json');
    const manifest = (await response.json()) as { name: string; start_url: string; display: string; icons: { src: string; sizes: string; type: string }[] };
    expect(manifest).toMatchObject({ name: 'Loop & Co.', start_url: '/', display: 'standalone' });
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(['192x192', '512x512']);
    for (const icon of manifest.icons) {
      const png = await app.request(icon.src);
      expect(png.headers.get('content-type')).toBe(icon.type);
      const { width, height } = readPng(Buffer.from(await png.arrayBuffer()));
      expect(`${width}x${height}`).toBe(icon.sizes);
    }
  });

  test('an icon is the terracotta square with a cream loop in the middle', async () => {
    const { width, height, pixel } = readPng(Buffer.from(await (await app.request('/icons/apple-touch-icon.png')).arrayBuffer()));
    expect([width, height]).toEqual([180, 180]);
    expect(pixel(0, 0)).toEqual([0xb8, 0x53, 0x2f]);
    expect(pixel(90, 90)).toEqual([0xb8, 0x53, 0x2f]); // the loop's hole
    expect(pixel(90, 90 - 48)).toEqual([0xfb, 0xf8, 0xf3]); // on the loop, 27 % above the centre
    expect((await app.request('/icons/other.png')).status).toBe(404);
  });
});

describe('/shoploop-sw.js, the one-line file Shoploop asks the shop to add', () => {
  test('is served verbatim as JavaScript, checked on every update', async () => {
    const response = await app.request('/shoploop-sw.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(serviceWorker);
  });

  test('is not there when the shop has not added it', async () => {
    const without = createDemoShop({ snippet: TEST_SNIPPET });
    expect((await without.request('/shoploop-sw.js')).status).toBe(404);
  });
});

describe('the shop’s own buttons for push', () => {
  test('every page has "Turn on notifications"; a sold-out product also "Notify me when it’s back"', async () => {
    const soldOut = await (await app.request('/product/22149')).text();
    expect(soldOut).toContain('data-testid="push-prompt"');
    expect(soldOut).toContain('data-testid="notify-me"');
    const inStock = await (await app.request('/product/85123A')).text();
    expect(inStock).toContain('data-testid="push-prompt"');
    expect(inStock).not.toContain('data-testid="notify-me"');
  });
});
