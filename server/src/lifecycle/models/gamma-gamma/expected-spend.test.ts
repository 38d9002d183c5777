import { expect, test } from 'vitest';
import { expectedMeanSpend } from './expected-spend.ts';

// The CDNOW fit at full precision; the rounded 6.25 / 3.74 / 15.44 shift the values below by ~0.01.
const params = { p: 6.248802, q: 3.744589, v: 15.44775 };

test('matches lifetimes (and Hardie’s spreadsheet) for CDNOW customers 1, 2, 3, 6 and 9', () => {
  // (x, z̄) from the CDNOW sample; E[M | x, z̄] as printed in the lifetimes docs (Hardie: 24.65, 18.91, 35.17, 71.46, 27.28).
  const customers = [
    [2, 22.35, 24.658619],
    [1, 11.77, 18.911489],
    [0, 0, 35.170981],
    [7, 73.74, 71.462843],
    [2, 25.55, 27.282408],
  ] as const;
  for (const [x, meanSpend, expected] of customers) {
    expect(Math.abs(expectedMeanSpend(params, x, meanSpend) / expected - 1)).toBeLessThan(1e-5);
  }
});

test('moves from the population mean towards the buyer’s own mean as purchases accumulate', () => {
  const populationMean = (params.v * params.p) / (params.q - 1);
  const spends = [1, 5, 25, 125].map((x) => expectedMeanSpend(params, x, 100));
  for (let i = 1; i < spends.length; i++) expect(spends[i]).toBeGreaterThan(spends[i - 1]!);
  expect(spends[0]).toBeGreaterThan(populationMean);
  expect(spends[3]).toBeLessThan(100);
  expect(spends[3]).toBeGreaterThan(99);
});
