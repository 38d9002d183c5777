import { expect, test } from 'vitest';
import { makeFormat } from './format.ts';

// Intl's spaces differ by locale (U+202F, U+00A0): compare with ordinary spaces
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

test('counts and money follow the viewer locale, in the shop currency', () => {
  const en = makeFormat('GBP', 'en-GB');
  expect(en.count(1234567)).toBe('1,234,567');
  expect(en.money(1234.5)).toBe('£1,234.50');
  expect(en.money(123456.7)).toBe('£123,457');
  const de = makeFormat('EUR', 'de-DE');
  expect(plain(de.count(1234567))).toBe('1.234.567');
  expect(plain(de.money(1234.5))).toBe('1.234,50 €');
  expect(plain(makeFormat('USD', 'fr-FR').money(-9.99))).toBe('-9,99 $US');
});

test('a missing or non-finite number is a dash, never NaN', () => {
  const f = makeFormat('EUR', 'en');
  expect([f.count(null), f.money(undefined), f.percent(null), f.percent(Number.NaN), f.decimal(Infinity)]).toEqual(['–', '–', '–', '–', '–']);
});

test('percent, deltas and decimals', () => {
  const f = makeFormat('EUR', 'en-US');
  expect([f.delta(10, 22), f.delta(1500, 0), f.delta(3, 3)]).toEqual(['+12', '−1,500', '±0']);
  expect(f.percent(0.1234)).toBe('12.3%');
  expect(f.percent(1)).toBe('100%');
  expect(f.decimal(0.4567)).toBe('0.46');
  expect(f.decimal(2, 1)).toBe('2.0');
});

test('an unknown currency code falls back to EUR instead of throwing', () => {
  const f = makeFormat('not-a-code', 'en-GB');
  expect(f.currency).toBe('EUR');
  expect(f.money(5)).toBe('€5.00');
});

test('days and months are UTC whatever the browser zone; garbage is shown as given', () => {
  const f = makeFormat('EUR', 'en-GB');
  expect(f.day('2026-12-31')).toBe('31 Dec 2026');
  expect(f.day('2026-11-01')).toBe('1 Nov 2026');
  expect(f.month('2026-02')).toBe('Feb 2026');
  expect(f.day('soon')).toBe('soon');
  expect(f.dateTime(null)).toBe('–');
});

test('whole money for labels', () => {
  expect(makeFormat('GBP', 'en-GB').moneyWhole(1234.56)).toBe('£1,235');
});

test('one formatter per currency and locale, shared by every render', () => {
  expect(makeFormat('EUR', 'en-GB')).toBe(makeFormat('EUR', 'en-GB'));
  expect(makeFormat('EUR', 'en-GB')).not.toBe(makeFormat('GBP', 'en-GB'));
});
