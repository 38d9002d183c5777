import { expect, test } from 'vitest';
import { logGamma } from './log-gamma.ts';

test('matches factorials and Γ(1/2) = √π', () => {
  expect(logGamma(1)).toBeCloseTo(0, 14);
  expect(logGamma(2)).toBeCloseTo(0, 14);
  expect(logGamma(10)).toBeCloseTo(Math.log(362_880), 12);
  expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
});

test('is accurate for small and large arguments', () => {
  expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 13);
  expect(logGamma(100)).toBeCloseTo(359.1342053695754, 10);
  expect(logGamma(1e-6)).toBeCloseTo(13.815509980749431, 10);
});

test('is NaN outside its domain', () => {
  expect(logGamma(0)).toBeNaN();
  expect(logGamma(-1.5)).toBeNaN();
});
