import { describe, expect, test } from 'vitest';
import { seededRandom, type Random } from '../../lifecycle/models/numeric/random.ts';
import { upliftOf, type GroupCounts, type Uplift } from './uplift.ts';

function group(random: Random, people: number, rate: number): GroupCounts {
  let converted = 0;
  for (let i = 0; i < people; i += 1) if (random() < rate) converted += 1;
  return { people, converted };
}

/** Runs simulated experiments with known true rates; every one must have enough data to report. */
function simulate(seed: number, runs: number, people: number, treatmentRate: number, controlRate: number) {
  const random = seededRandom(seed);
  const results: Array<Extract<Uplift, { enoughData: true }>> = [];
  for (let run = 0; run < runs; run += 1) {
    const result = upliftOf(group(random, people, treatmentRate), group(random, people, controlRate));
    if (!result.enoughData) throw new Error(`run ${run}: ${result.reason}`);
    results.push(result);
  }
  return results;
}

const covers = (r: { ci95: [number, number] }, value: number) => r.ci95[0] <= value && value <= r.ci95[1];

describe('uplift on simulated experiments with a known effect', () => {
  // 2,000 runs: a 95 % interval covers in 1,900 ± 9.7 (one binomial sd); 92–98 % is ±3 points, over 6 sd.
  test('a true 2-point effect: the interval covers it about 95 % of the time', () => {
    const results = simulate(1, 2000, 5000, 0.12, 0.1);
    const rate = results.filter((r) => covers(r, 0.02)).length / results.length;
    expect(rate).toBeGreaterThan(0.92);
    expect(rate).toBeLessThan(0.98);
    const meanUplift = results.reduce((sum, r) => sum + r.uplift, 0) / results.length;
    expect(meanUplift).toBeCloseTo(0.02, 3);
  });

  test('no effect: the interval includes 0 about 95 % of the time', () => {
    const results = simulate(2, 2000, 5000, 0.1, 0.1);
    const rate = results.filter((r) => covers(r, 0)).length / results.length;
    expect(rate).toBeGreaterThan(0.92);
    expect(rate).toBeLessThan(0.98);
  });

  test('a real 5-point effect on large groups is found: the interval excludes 0', () => {
    const results = simulate(3, 200, 5000, 0.15, 0.1);
    expect(results.every((r) => r.ci95[0] > 0)).toBe(true);
    expect(results.filter((r) => covers(r, 0.05)).length).toBeGreaterThan(180);
  });

  test('a campaign that hurts shows a negative uplift', () => {
    const [result] = simulate(4, 1, 20_000, 0.08, 0.12);
    expect(result?.uplift).toBeLessThan(0);
    expect(result?.ci95[1]).toBeLessThan(0);
  });
});

describe('not enough data yet', () => {
  test('small groups: the rates so far, and how many people each group needs', () => {
    const result = upliftOf({ people: 900, converted: 108 }, { people: 100, converted: 10 });
    expect(result).toEqual({
      enoughData: false,
      treatmentRate: 0.12,
      controlRate: 0.1,
      neededPerGroup: 4084, // pooled 118/1000: 10.8 % against 12.8 %, by hand (0.894208 + 0.383795)² / 0.0004 = 4083.2
      reason: 'not enough data yet: showing a 2-point difference needs 4084 people in each group (treated 900, held out 100)',
    });
  });

  test('one group big enough is not enough', () => {
    expect(upliftOf({ people: 100_000, converted: 10_000 }, { people: 3000, converted: 300 }).enoughData).toBe(false);
    expect(upliftOf({ people: 100_000, converted: 10_000 }, { people: 4000, converted: 400 }).enoughData).toBe(true);
  });

  test('the edge: exactly the needed size in both groups reports', () => {
    // pooled rate 10 %: 9.5 % against 10.5 %
    const needed = (upliftOf({ people: 10, converted: 1 }, { people: 10, converted: 1 }) as { neededPerGroup: number }).neededPerGroup;
    const at = (people: number) => upliftOf({ people, converted: people / 10 }, { people, converted: people / 10 });
    expect(needed % 10).not.toBe(0); // so the test below needs a size the rate divides
    const just = Math.ceil(needed / 10) * 10;
    expect(at(just).enoughData).toBe(true);
    expect(at(just - 10).enoughData).toBe(false);
  });

  test('empty groups: no rates', () => {
    expect(upliftOf({ people: 0, converted: 0 }, { people: 0, converted: 0 })).toMatchObject({ enoughData: false, treatmentRate: null, controlRate: null });
    expect(upliftOf({ people: 5, converted: 1 }, { people: 0, converted: 0 })).toMatchObject({ enoughData: false, treatmentRate: 0.2, controlRate: null });
  });

  test('counts that are not counts are refused', () => {
    for (const bad of [{ people: 5, converted: 6 }, { people: -1, converted: 0 }, { people: 2.5, converted: 1 }, { people: Number.NaN, converted: 0 }]) {
      expect(() => upliftOf(bad, { people: 10, converted: 1 })).toThrow(RangeError);
      expect(() => upliftOf({ people: 10, converted: 1 }, bad)).toThrow(RangeError);
    }
  });
});
