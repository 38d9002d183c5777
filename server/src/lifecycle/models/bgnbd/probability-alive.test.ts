import { expect, test } from 'vitest';
import { PUBLISHED_CDNOW_BGNBD as params } from '../test-support/published-params.ts';
import { probabilityAlive } from './probability-alive.ts';

test('a buyer without a repeat purchase is alive with probability 1', () => {
  expect(probabilityAlive(params, 0, 0, 1)).toBe(1);
  expect(probabilityAlive(params, 0, 0, 500)).toBe(1);
});

test('falls as the time since the last purchase grows', () => {
  const values = [0, 5, 10, 20, 40, 80].map((gap) => probabilityAlive(params, 3, 20, 20 + gap));
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1]!);
});

test('matches the formula worked by hand for CDNOW customer 1 (x = 2, t_x = 30.43, T = 38.86)', () => {
  // 1 / (1 + 0.793/3.426 · (43.274/34.844)^2.243) = 0.726579
  expect(probabilityAlive(params, 2, 30.43, 38.86)).toBeCloseTo(0.726579, 6);
  // Bought at the end of observation: only the chance of dropping out after that purchase remains.
  expect(probabilityAlive(params, 2, 38.86, 38.86)).toBeCloseTo(1 / (1 + 0.793 / 3.426), 12);
});

test('a long-dead frequent buyer is 0, not NaN', () => {
  expect(probabilityAlive(params, 50, 1, 1e9)).toBe(0);
});
