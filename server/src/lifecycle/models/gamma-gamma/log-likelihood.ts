import { logGamma } from '../numeric/log-gamma.ts';

/** Repeat buyers' spend, as typed arrays so the fitter's inner loop allocates nothing. */
export interface SpendSample {
  frequency: Float64Array;
  meanSpend: Float64Array;
}

/**
 * Total Gamma-Gamma log-likelihood of the observed mean spends (Hardie's note 025, eq. 1a):
 *   ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln m̄ + px ln x − (px+q) ln(x·m̄ + v)
 * px is not an integer, so each buyer costs two log-gammas.
 */
export function gammaGammaLogLikelihood(sample: SpendSample, p: number, q: number, v: number): number {
  const { frequency, meanSpend } = sample;
  const constant = -logGamma(q) + q * Math.log(v);
  let total = 0;
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i]!;
    const m = meanSpend[i]!;
    const px = p * x;
    total +=
      logGamma(px + q) - logGamma(px) + constant + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(x * m + v);
  }
  return total;
}
