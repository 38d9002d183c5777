import { expect, test } from 'vitest';
import { cdnowAvailable, CDNOW_SPEND_PATH, readCdnowWithSpend } from '../test-support/cdnow.ts';
import { fitGammaGamma } from './fit.ts';

// Hardie's note 025 and the lifetimes docs report p = 6.25, q = 3.74, v = 15.44 (15.45 in lifetimes) on
// the 946 CDNOW repeat buyers; this fit gives 6.2488, 3.7446, 15.4478.
const PUBLISHED = { p: 6.25, q: 3.74, v: 15.44 };

test.skipIf(!cdnowAvailable(CDNOW_SPEND_PATH))('CDNOW: reproduces the published spend model within 0.5 %', () => {
  const fit = fitGammaGamma(readCdnowWithSpend());
  if (!fit.fitted) throw new Error(fit.reason);
  for (const name of ['p', 'q', 'v'] as const) {
    expect(Math.abs(fit.params[name] / PUBLISHED[name] - 1), name).toBeLessThan(0.005);
  }
  expect(fit).toMatchObject({ repeatBuyers: 946, convergence: { converged: true } });
  // Spend barely depends on frequency here, so the model's independence assumption holds.
  expect(Math.abs(fit.frequencySpendCorrelation)).toBeLessThan(0.2);
});

test('one-time buyers are left out; below the minimum of repeat buyers nothing is fitted', () => {
  const buyers = [
    ...Array.from({ length: 29 }, (_, i) => ({ frequency: 1 + (i % 4), meanSpend: 20 + i })),
    ...Array.from({ length: 500 }, () => ({ frequency: 0, meanSpend: 0 })),
  ];
  expect(fitGammaGamma(buyers)).toEqual({ fitted: false, reason: 'only 29 repeat buyers; need 30' });
  expect(fitGammaGamma(buyers, { minimumRepeatBuyers: 10 }).fitted).toBe(true);
});

test('identical spends leave nothing to fit', () => {
  const buyers = Array.from({ length: 100 }, (_, i) => ({ frequency: 1 + (i % 3), meanSpend: 25 }));
  expect(fitGammaGamma(buyers)).toMatchObject({ fitted: false, reason: expect.stringMatching(/^no interior maximum/) });
});

test('rejects spend it cannot use', () => {
  expect(() => fitGammaGamma([{ frequency: 2, meanSpend: Number.NaN }])).toThrow(/buyer spend 0/);
});
