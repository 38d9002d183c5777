import { describe, expect, test } from 'vitest';
import { newcombeDifference, wilsonInterval } from './newcombe.ts';

describe('Newcombe’s hybrid score interval (method 10)', () => {
  // Newcombe (1998), Statistics in Medicine 17:873–890, Table II, method 10, to the 4 decimals printed there; the
  // same values are the "score" rows of DescTools' BinomDiffCI tests (AndriSignorell/DescTools, tests/misc.R).
  // The last row is the worked example of the WUSS 2016 paper those tests cite.
  const published: Array<[string, [number, number, number, number], number, number, number]> = [
    ['(a) 56/70 − 48/80', [56, 70, 48, 80], 0.2, 0.0524, 0.3339],
    ['(b) 9/10 − 3/10', [9, 10, 3, 10], 0.6, 0.1705, 0.809],
    ['(g) 10/10 − 0/20', [10, 10, 0, 20], 1, 0.6791, 1],
    ['84/101 − 89/105', [84, 101, 89, 105], 84 / 101 - 89 / 105, -0.1177, 0.0851],
  ];
  test.each(published)('%s', (_name, [k1, n1, k2, n2], difference, lower, upper) => {
    const ci = newcombeDifference(k1, n1, k2, n2);
    expect(ci.difference).toBeCloseTo(difference, 10);
    expect(ci.lower).toBeCloseTo(lower, 4);
    expect(ci.upper).toBeCloseTo(upper, 4);
  });

  test('swapping the groups mirrors the interval', () => {
    const ab = newcombeDifference(9, 12, 20, 138);
    const ba = newcombeDifference(20, 138, 9, 12);
    expect(ba.lower).toBeCloseTo(-ab.upper, 12);
    expect(ba.upper).toBeCloseTo(-ab.lower, 12);
  });

  test('0 conversions on both sides: a real interval around 0, inside [−1, 1]', () => {
    const none = newcombeDifference(0, 10, 0, 10);
    expect(none.difference).toBe(0);
    expect(none.lower).toBeCloseTo(-0.2775, 4); // ± the Wilson upper bound of 0/10
    expect(none.upper).toBeCloseTo(0.2775, 4);
    const all = newcombeDifference(10, 10, 0, 10);
    expect(all.upper).toBe(1);
    expect(all.lower).toBeGreaterThan(0);
  });
});

describe('Wilson’s score interval', () => {
  test('7/10 (Newcombe 1998, single-proportion paper): 0.3968 to 0.8922', () => {
    expect(wilsonInterval(7, 10).lower).toBeCloseTo(0.3968, 4);
    expect(wilsonInterval(7, 10).upper).toBeCloseTo(0.8922, 4);
  });

  test('exact bounds at 0 and n; an empty group knows nothing', () => {
    expect(wilsonInterval(0, 25).lower).toBe(0);
    expect(wilsonInterval(25, 25).upper).toBe(1);
    expect(wilsonInterval(0, 0)).toEqual({ lower: 0, upper: 1 });
  });
});
