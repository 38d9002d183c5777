import { afterEach, expect, test } from 'vitest';
import { formatPrice } from './price.ts';

afterEach(() => (document.documentElement.lang = ''));

test('with a currency, in the page language', () => {
  document.documentElement.lang = 'de-DE';
  expect(formatPrice(1234.5, 'EUR').replace(/\s/g, ' ')).toBe('1.234,50 €');
  document.documentElement.lang = 'en-GB';
  expect(formatPrice(4.5, 'GBP')).toBe('£4.50');
});

test('without a currency: two decimals', () => {
  document.documentElement.lang = 'en';
  expect(formatPrice(12, undefined)).toBe('12.00');
});

test('no price, a malformed language or an unknown currency never throw', () => {
  expect(formatPrice(null, 'EUR')).toBe('');
  expect(formatPrice(Number.NaN, undefined)).toBe('');
  document.documentElement.lang = 'en_GB!';
  expect(formatPrice(3, 'GBP')).toMatch(/3\.00/);
  expect(formatPrice(3, 'EURO')).toBe('3.00');
});
