/**
 * Intervals for conversion rates. Wilson's score interval for one proportion, and Newcombe's hybrid score
 * interval for the difference of two (Newcombe 1998, "Interval estimation for the difference between
 * independent proportions: comparison of eleven methods", Statistics in Medicine 17:873–890, method 10): it
 * stays inside [−1, 1] and keeps close to its nominal coverage with small groups and with 0 conversions, where
 * the textbook Wald interval collapses to a single point.
 */

/** Φ⁻¹(0.975): the two-sided 95 % normal quantile. */
export const Z_95 = 1.959963984540054;

export interface Interval {
  lower: number;
  upper: number;
}

/** Wilson's score interval (no continuity correction) for k successes in n; all of [0, 1] when n is 0. */
export function wilsonInterval(k: number, n: number, z: number = Z_95): Interval {
  if (n === 0) return { lower: 0, upper: 1 };
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At k = 0 and k = n the bounds are exactly 0 and 1; rounding would put them a hair off.
  return { lower: k === 0 ? 0 : Math.max(0, centre - half), upper: k === n ? 1 : Math.min(1, centre + half) };
}

/** p1 − p2 with its 95 % interval: each bound combines the two Wilson intervals' distances on the side it moves. */
export function newcombeDifference(k1: number, n1: number, k2: number, n2: number, z: number = Z_95): { difference: number } & Interval {
  const p1 = n1 === 0 ? 0 : k1 / n1;
  const p2 = n2 === 0 ? 0 : k2 / n2;
  const w1 = wilsonInterval(k1, n1, z);
  const w2 = wilsonInterval(k2, n2, z);
  const difference = p1 - p2;
  return {
    difference,
    lower: difference - Math.sqrt((p1 - w1.lower) ** 2 + (w2.upper - p2) ** 2),
    upper: difference + Math.sqrt((w1.upper - p1) ** 2 + (p2 - w2.lower) ** 2),
  };
}
