import { expect, test } from 'vitest';
import { hypergeometric2F1 } from './hypergeometric-2f1.ts';

test('₂F₁(1, 1; 2; z) = −ln(1 − z)/z, including close to z = 1', () => {
  for (const z of [0.1, 0.5, 0.9, 0.99]) {
    expect(hypergeometric2F1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 12);
  }
});

test('₂F₁(a, b; b; z) = (1 − z)^−a', () => {
  expect(hypergeometric2F1(0.3, 2.7, 2.7, 0.8)).toBeCloseTo((1 - 0.8) ** -0.3, 13);
});

test('a negative-integer parameter makes it a polynomial', () => {
  // ₂F₁(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))
  const [b, c, z] = [1.5, 2.5, 0.7];
  expect(hypergeometric2F1(-2, b, c, z)).toBeCloseTo(1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)), 14);
});

test('is NaN outside |z| < 1 or when it cannot converge in budget', () => {
  expect(hypergeometric2F1(1, 1, 2, 1)).toBeNaN();
  expect(hypergeometric2F1(1, 1, 2, -0.5)).toBeNaN();
  expect(hypergeometric2F1(1, 1, 2, 0.999, 100)).toBeNaN();
});
