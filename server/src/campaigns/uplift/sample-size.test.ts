import { describe, expect, test } from 'vitest';
import { seededRandom, type Random } from '../../lifecycle/models/numeric/random.ts';
import { newcombeDifference } from './newcombe.ts';
import { sampleSizePerGroup } from './sample-size.ts';

function binomial(random: Random, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i += 1) if (random() < p) k += 1;
  return k;
}

describe('people per group to show a 2-point difference', () => {
  // by hand: (1.95996 · √(2 · 0.11 · 0.89) + 0.84162 · √(0.10 · 0.90 + 0.12 · 0.88))² / 0.02² = 3840.8
  test('10 % against 12 %: 3,841 per group', () => {
    expect(sampleSizePerGroup(0.11, 0.02)).toBe(3841);
  });

  test('most people are needed around 50 %; 0 conversions still asks for some', () => {
    expect(sampleSizePerGroup(0.5)).toBeGreaterThan(sampleSizePerGroup(0.2));
    expect(sampleSizePerGroup(0.2)).toBeGreaterThan(sampleSizePerGroup(0.05));
    expect(sampleSizePerGroup(0)).toBe(sampleSizePerGroup(0.01)); // clamped: 0 % against 2 %
    expect(sampleSizePerGroup(0)).toBeGreaterThan(300);
    expect(sampleSizePerGroup(1)).toBe(sampleSizePerGroup(0));
  });

  test('at that size a real 2-point difference is found about 80 % of the time (2,000 simulated experiments)', () => {
    const random = seededRandom(8);
    const n = sampleSizePerGroup(0.11);
    let found = 0;
    const runs = 2000;
    for (let run = 0; run < runs; run += 1) {
      const ci = newcombeDifference(binomial(random, n, 0.12), n, binomial(random, n, 0.1), n);
      if (ci.lower > 0 || ci.upper < 0) found += 1;
    }
    // power 0.8 ± 4.5 binomial standard deviations of a 2,000-run estimate (0.009)
    expect(found / runs).toBeGreaterThan(0.76);
    expect(found / runs).toBeLessThan(0.84);
  });
});
