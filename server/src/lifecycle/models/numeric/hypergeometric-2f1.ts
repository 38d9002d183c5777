const RELATIVE_TOLERANCE = 1e-15;
const DEFAULT_MAX_TERMS = 1_000_000;

/**
 * Gauss hypergeometric ₂F₁(a, b; c; z) by its power series, for 0 ≤ z < 1 and c not a non-positive integer.
 *
 * Terms shrink like zⁿ·n^(a+b−c−1), so the cost grows as z → 1 (tens of terms at z = 0.5, hundreds at
 * z = 0.92, thousands at z = 0.99). Returns NaN when the series has not converged within `maxTerms`,
 * so a caller never gets a silently truncated value. Allocation-free.
 */
export function hypergeometric2F1(a: number, b: number, c: number, z: number, maxTerms = DEFAULT_MAX_TERMS): number {
  if (!(z >= 0 && z < 1) || (c <= 0 && Number.isInteger(c))) return Number.NaN;
  let term = 1;
  let sum = 1;
  for (let n = 0; n < maxTerms; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    if (term === 0) return sum; // a or b is a non-positive integer: the series is a polynomial
    // Ratios approach z monotonically, so max(|ratio|, z) bounds the rest as a geometric tail.
    const tailRatio = Math.max(Math.abs(ratio), z);
    if (tailRatio < 1 && Math.abs(term) * tailRatio <= RELATIVE_TOLERANCE * (1 - tailRatio) * Math.abs(sum)) {
      return sum;
    }
  }
  return Number.NaN;
}
