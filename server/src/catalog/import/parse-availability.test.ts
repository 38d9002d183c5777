import { expect, test } from 'vitest';
import { parseAvailability } from './parse-availability.ts';

test.each([
  ['in stock', 'in_stock'],
  ['in_stock', 'in_stock'],
  ['In Stock', 'in_stock'],
  ['https://schema.org/InStock', 'in_stock'],
  ['out of stock', 'out_of_stock'],
  ['out_of_stock', 'out_of_stock'],
  ['OutOfStock', 'out_of_stock'],
  ['preorder', 'preorder'],
  ['pre-order', 'preorder'],
  ['backorder', 'backorder'],
  ['back order', 'backorder'],
  ['discontinued', 'discontinued'],
])('%s means %s', (text, availability) => {
  expect(parseAvailability(text)).toEqual({ ok: true, value: availability });
});

test('an unknown spelling is refused with the accepted ones listed', () => {
  const parsed = parseAvailability('maybe');
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) expect(parsed.reason).toBe('"maybe" is not one of in stock, out of stock, preorder, backorder, discontinued');
});
