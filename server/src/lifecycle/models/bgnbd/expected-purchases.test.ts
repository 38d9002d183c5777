import { expect, test } from 'vitest';
import { PUBLISHED_CDNOW_BGNBD } from '../test-support/published-params.ts';
import { expectedPurchases } from './expected-purchases.ts';
import type { BgNbdParams } from './params.ts';

test('CDNOW customer 1 expects 1.226 purchases in the next 39 weeks, as in the paper', () => {
  expect(expectedPurchases(PUBLISHED_CDNOW_BGNBD, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
});

test('nothing is expected over no time, and more over longer horizons', () => {
  expect(expectedPurchases(PUBLISHED_CDNOW_BGNBD, 0, 2, 30.43, 38.86)).toBe(0);
  const values = [1, 4, 13, 52, 104].map((t) => expectedPurchases(PUBLISHED_CDNOW_BGNBD, t, 2, 30.43, 38.86));
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]!);
});

// Reference values from eq. 10 evaluated with mpmath 1.3 (hyp2f1 at 40 significant digits).
const REFERENCE: [BgNbdParams, number, number, number, number, number][] = [
  [PUBLISHED_CDNOW_BGNBD, 39, 2, 30.43, 38.86, 1.2260281747671445], // a < 1: transformed series
  [PUBLISHED_CDNOW_BGNBD, 52, 0, 0, 3, 1.0214253016538031], // one-time buyer, z = 0.87
  [{ r: 0.3, alpha: 10, a: 3.5, b: 2 }, 90, 1, 20, 60, 0.1504975757575562], // a − 1 ≥ r + x: direct series
  [{ r: 0.3, alpha: 10, a: 3.5, b: 2 }, 365, 8, 55, 60, 2.8301972188407043], // a − 1 < r + x: transformed
  [{ r: 2, alpha: 1, a: 1.2, b: 1.5 }, 300, 40, 9, 10, 38.810497457528079], // frequent buyer, z = 0.96
  [{ r: 0.5, alpha: 60, a: 0.7, b: 3 }, 365, 0, 0, 0, 1.9519740395510647], // daily units, first purchase today
  [{ r: 0.2, alpha: 2, a: 0.5, b: 0.3 }, 365, 0, 0, 5, 1.6836375122660559], // a + b < 1: c < 0
];

test('matches an arbitrary-precision evaluation on both sides of the Euler-transform switch', () => {
  for (const [params, t, x, tx, T, expected] of REFERENCE) {
    const relativeError = Math.abs(expectedPurchases(params, t, x, tx, T) / expected - 1);
    expect(relativeError, JSON.stringify({ params, t, x })).toBeLessThan(1e-12);
  }
});

test('stays finite at a = 1, where the closed form is 0/0', () => {
  const at = (a: number): number => expectedPurchases({ r: 0.5, alpha: 5, a, b: 2 }, 20, 3, 8, 10);
  const h = 1e-4;
  expect(Math.abs(at(1) / ((at(1 - h) + at(1 + h)) / 2) - 1)).toBeLessThan(1e-6);
});
