import { expect, test } from 'vitest';
import { safeUrl } from './safe-url.ts';

test('http(s) URLs pass, made absolute against the page', () => {
  expect(safeUrl('https://shop.example/p/1?a=1#x')).toBe('https://shop.example/p/1?a=1#x');
  expect(safeUrl('http://shop.example/p/1')).toBe('http://shop.example/p/1');
  expect(safeUrl('/p/2')).toBe(`${location.origin}/p/2`);
});

test.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'blob:https://a/b', '', null, undefined, 'http://[bad'])(
  'refused: %j',
  (url) => expect(safeUrl(url)).toBeUndefined(),
);
