import { expect, test } from 'vitest';
import { cdnowAvailable, CDNOW_SUMMARY_PATH, readCdnowSummary } from '../test-support/cdnow.ts';
import { PUBLISHED_CDNOW_BGNBD } from '../test-support/published-params.ts';
import { fitBgNbd } from './fit.ts';
import { bgNbdLogLikelihood } from './log-likelihood.ts';
import { simulateBgNbdHistories } from './simulate.ts';

test.skipIf(!cdnowAvailable(CDNOW_SUMMARY_PATH))('CDNOW: reproduces the published fit within 1 % on every parameter', () => {
  const fit = fitBgNbd(readCdnowSummary());
  if (!fit.fitted) throw new Error(fit.reason);
  for (const name of ['r', 'alpha', 'a', 'b'] as const) {
    expect(Math.abs(fit.params[name] / PUBLISHED_CDNOW_BGNBD[name] - 1), name).toBeLessThan(0.01);
  }
  // lifetimes reports −9582.43 at its optimum; ours must be at least as good.
  expect(Math.abs(fit.logLikelihood - -9582.43)).toBeLessThan(0.01);
  expect(fit).toMatchObject({ buyers: 2357, repeatBuyers: 946, convergence: { converged: true } });
  expect(fit.convergence.startsAgreeing).toBeGreaterThanOrEqual(2);
});

const truth = { r: 0.5, alpha: 20, a: 0.8, b: 3 };
const ages = Array.from({ length: 3000 }, (_, i) => 30 + (i % 300));
const simulated = simulateBgNbdHistories(truth, ages, 42).map((h) => ({ ...h, recency: Math.round(h.recency), age: Math.round(h.age) }));

test('recovers simulated parameters, with a likelihood at least that of the truth', () => {
  const fit = fitBgNbd(simulated);
  if (!fit.fitted) throw new Error(fit.reason);
  expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgNbdLogLikelihood(truth, simulated));
  for (const name of ['r', 'alpha', 'a', 'b'] as const) {
    expect(Math.abs(fit.params[name] / truth[name] - 1), name).toBeLessThan(0.3);
  }
});

test('fitting in weeks instead of days only rescales alpha', () => {
  const inDays = fitBgNbd(simulated);
  const inWeeks = fitBgNbd(simulated.map((h) => ({ frequency: h.frequency, recency: h.recency / 7, age: h.age / 7 })));
  if (!inDays.fitted || !inWeeks.fitted) throw new Error('not fitted');
  expect(inWeeks.params.alpha * 7).toBeCloseTo(inDays.params.alpha, 2);
  expect(inWeeks.params.r).toBeCloseTo(inDays.params.r, 4);
  expect(inWeeks.params.a).toBeCloseTo(inDays.params.a, 4);
  expect(inWeeks.params.b).toBeCloseTo(inDays.params.b, 3);
});

test('below the minimum of repeat buyers the model is not fitted, and says why', () => {
  const histories = [
    ...Array.from({ length: 12 }, (_, i) => ({ frequency: 1 + (i % 3), recency: 5 + i, age: 40 })),
    ...Array.from({ length: 200 }, () => ({ frequency: 0, recency: 0, age: 40 })),
  ];
  expect(fitBgNbd(histories)).toEqual({ fitted: false, reason: 'only 12 repeat buyers; need 30' });
  expect(fitBgNbd(simulated, { minimumRepeatBuyers: 5000 })).toMatchObject({ fitted: false, reason: expect.stringMatching(/^only \d+ repeat buyers; need 5000$/) });
});

test('a site where nobody seems to drop out has no interior maximum and is not fitted', () => {
  // Every repeat buyer bought again on the last day: the likelihood keeps rising as a → 0.
  const histories = [
    ...Array.from({ length: 100 }, (_, i) => ({ frequency: 1 + (i % 5), recency: 20, age: 20 })),
    ...Array.from({ length: 100 }, () => ({ frequency: 0, recency: 0, age: 20 })),
  ];
  expect(fitBgNbd(histories)).toMatchObject({ fitted: false, reason: expect.stringMatching(/^no interior maximum: a = /) });
});
