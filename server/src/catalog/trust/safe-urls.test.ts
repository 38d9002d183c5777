import { describe, expect, test } from 'vitest';
import { safeImageUrl, safeShopUrl } from './safe-urls.ts';

const origins = ['https://shop.example', 'http://localhost:8080'];

describe('safeShopUrl', () => {
  test.each([
    ['https://shop.example/p/1?a=1#x', 'https://shop.example/p/1?a=1#x'],
    ['HTTPS://SHOP.EXAMPLE:443/p/1', 'https://shop.example/p/1'],
    ['http://localhost:8080/p/1', 'http://localhost:8080/p/1'],
  ])('%s is on the shop', (url, safe) => expect(safeShopUrl(url, origins)).toBe(safe));

  test.each([
    'https://evil.example/p/1',
    'https://shop.example.evil.example/p/1',
    'https://shop.example@evil.example/p/1',
    'https://user:pw@shop.example/p/1',
    'http://shop.example/p/1', // the site allows https only
    'https://shop.example:8443/p/1',
    '/p/1',
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'not a url',
    '',
    null,
  ])('%s is not', (url) => expect(safeShopUrl(url, origins)).toBeNull());
});

describe('safeImageUrl', () => {
  test('absolute https only', () => {
    expect(safeImageUrl('https://cdn.example/i/1.jpg')).toBe('https://cdn.example/i/1.jpg');
    for (const url of ['http://cdn.example/i/1.jpg', '//cdn.example/i/1.jpg', '/i/1.jpg', 'data:image/png;base64,AAAA', 'javascript:alert(1)', 'https://u:p@cdn.example/1.jpg', null]) {
      expect(safeImageUrl(url), String(url)).toBeNull();
    }
  });

  test("http only on the site's own origins (a shop tried on localhost), never elsewhere", () => {
    const origins = ['http://localhost:8080', 'https://shop.example'];
    expect(safeImageUrl('http://localhost:8080/img/1.svg', origins)).toBe('http://localhost:8080/img/1.svg');
    for (const url of ['http://localhost:8081/img/1.svg', 'http://evil.example/1.jpg', 'http://shop.example/1.jpg', 'http://u:p@localhost:8080/1.svg']) {
      expect(safeImageUrl(url, origins), url).toBeNull();
    }
  });
});
