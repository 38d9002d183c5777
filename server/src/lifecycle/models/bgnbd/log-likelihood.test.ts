import { expect, test } from 'vitest';
import { logGamma } from '../numeric/log-gamma.ts';
import { cdnowAvailable, CDNOW_SUMMARY_PATH, readCdnowSummary } from '../test-support/cdnow.ts';
import { PUBLISHED_CDNOW_BGNBD } from '../test-support/published-params.ts';
import { bgNbdLogLikelihood } from './log-likelihood.ts';

const params = { r: 0.6, alpha: 3, a: 1.4, b: 2.2 };

test('a one-time buyer contributes r ln α − r ln(α + T)', () => {
  const { r, alpha } = params;
  expect(bgNbdLogLikelihood(params, [{ frequency: 0, recency: 0, age: 20 }])).toBeCloseTo(r * Math.log(alpha) - r * Math.log(alpha + 20), 12);
});

test('a repeat buyer matches the paper’s likelihood written with Gamma functions', () => {
  const { r, alpha, a, b } = params;
  const [x, tx, T] = [3, 12.5, 20];
  const logBeta = (p: number, q: number): number => logGamma(p) + logGamma(q) - logGamma(p + q);
  const expected =
    logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + logBeta(a, b + x) - logBeta(a, b) +
    Math.log((alpha + T) ** -(r + x) + (a / (b + x - 1)) * (alpha + tx) ** -(r + x));
  expect(bgNbdLogLikelihood(params, [{ frequency: x, recency: tx, age: T }])).toBeCloseTo(expected, 11);
});

test('a dead buyer far in the past does not underflow to −∞', () => {
  const value = bgNbdLogLikelihood(params, [{ frequency: 400, recency: 1, age: 1e6 }]);
  expect(Number.isFinite(value)).toBe(true);
});

test('is a sum over buyers, however they are grouped', () => {
  const h = { frequency: 2, recency: 4, age: 9 };
  const k = { frequency: 0, recency: 0, age: 9 };
  expect(bgNbdLogLikelihood(params, [h, k, h])).toBeCloseTo(2 * bgNbdLogLikelihood(params, [h]) + bgNbdLogLikelihood(params, [k]), 10);
});

test.skipIf(!cdnowAvailable(CDNOW_SUMMARY_PATH))('CDNOW at the published parameters gives the published −9582.43', () => {
  const value = bgNbdLogLikelihood(PUBLISHED_CDNOW_BGNBD, readCdnowSummary());
  expect(Math.abs(value - -9582.43)).toBeLessThan(0.01);
});
