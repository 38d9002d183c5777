import { describe, expect, test } from 'vitest';
import { parsePrice, parseSalePeriod } from './parse-price.ts';

describe('parsePrice', () => {
  test.each([
    ['12.50 GBP', { amount: 12.5, currency: 'GBP' }],
    ['12.50GBP', { amount: 12.5, currency: 'GBP' }],
    ['GBP 12.50', { amount: 12.5, currency: 'GBP' }],
    ['15 usd', { amount: 15, currency: 'USD' }],
    ['12.50', { amount: 12.5 }],
    ['1,299.00 USD', { amount: 1299, currency: 'USD' }],
    ['1.299,00 EUR', { amount: 1299, currency: 'EUR' }],
    ['12,50 EUR', { amount: 12.5, currency: 'EUR' }],
    ['1,299', { amount: 1299 }],
    ['0', { amount: 0 }],
  ])('%s', (text, money) => {
    expect(parsePrice(text)).toEqual({ ok: true, value: money });
  });

  test('a JSON number is taken as it is', () => {
    expect(parsePrice(4.5)).toEqual({ ok: true, value: { amount: 4.5 } });
  });

  test.each(['twelve', '-1', '12.50 GBP USD', '£12.50', '12.50 POUNDS', '', '1e3', '12.5.3'])('%j is refused with the value quoted', (text) => {
    const parsed = parsePrice(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(JSON.stringify(text));
  });

  test('a negative price says so', () => {
    for (const text of ['-1', '-3.50 GBP', '- 2']) expect(parsePrice(text)).toEqual({ ok: false, reason: `${JSON.stringify(text)} is negative; a price is 0 or more` });
  });

  test('prices beyond the collector bound are refused', () => {
    expect(parsePrice(2e9).ok).toBe(false);
    expect(parsePrice(Number.POSITIVE_INFINITY).ok).toBe(false);
    expect(parsePrice(-0.01).ok).toBe(false);
    expect(parsePrice('1000000001').ok).toBe(false);
  });
});

describe('parseSalePeriod', () => {
  test('reads Merchant ISO 8601 intervals with offsets like +0100', () => {
    expect(parseSalePeriod('2026-11-27T00:00+0100/2026-12-01T00:00:00Z')).toEqual({
      ok: true,
      value: { from: Date.UTC(2026, 10, 26, 23), to: Date.UTC(2026, 11, 1) },
    });
  });

  test('anything but two times joined by / is refused', () => {
    expect(parseSalePeriod('2026-11-27').ok).toBe(false);
    expect(parseSalePeriod('soon/later').ok).toBe(false);
  });
});
