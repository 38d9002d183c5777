import type { BgNbdParams } from './params.ts';
import type { PurchaseHistory } from './purchase-history.ts';
import { weightHistories, type WeightedHistories } from './weighted-histories.ts';

export type BgNbdLogLikelihood = (r: number, alpha: number, a: number, b: number) => number;

/**
 * Builds the total BG/NBD log-likelihood over `histories`, in the stable form of Fader, Hardie & Lee
 * (2005, §7) as lifetimes writes it:
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b) + ln(e^A₃ + [x>0] e^A₄)
 *   A₃ = −(r+x) ln(α+T),  A₄ = ln a − ln(b+x−1) − (r+x) ln(α+t_x)
 * with the last log-sum-exp taken around its larger term. Because x is an integer, the Gamma ratios
 * are rising products (Γ(r+x)/Γ(r) = r(r+1)…(r+x−1)), tabulated once per call up to the largest x:
 * no log-gamma per buyer. Time is multiplied by `timeScale` (the fitter rescales to keep α near 1).
 * The evaluator allocates its tables once; calls allocate nothing.
 */
export function createBgNbdLogLikelihood(histories: WeightedHistories, timeScale = 1): BgNbdLogLikelihood {
  const { frequency, weight, maxFrequency } = histories;
  const recency = histories.recency.map((value) => value * timeScale);
  const age = histories.age.map((value) => value * timeScale);
  const rows = frequency.length;
  // logRising*[x] = ln of the rising product of length x; logLastB[x] = ln(b + x − 1).
  const logRisingR = new Float64Array(maxFrequency + 1);
  const logRisingB = new Float64Array(maxFrequency + 1);
  const logRisingAB = new Float64Array(maxFrequency + 1);
  const logLastB = new Float64Array(maxFrequency + 1);

  return (r, alpha, a, b) => {
    for (let x = 1; x <= maxFrequency; x++) {
      logLastB[x] = Math.log(b + x - 1);
      logRisingR[x] = logRisingR[x - 1]! + Math.log(r + x - 1);
      logRisingB[x] = logRisingB[x - 1]! + logLastB[x]!;
      logRisingAB[x] = logRisingAB[x - 1]! + Math.log(a + b + x - 1);
    }
    const rLogAlpha = r * Math.log(alpha);
    const logA = Math.log(a);
    let total = 0;
    for (let i = 0; i < rows; i++) {
      const x = frequency[i]!;
      const shape = r + x;
      const a3 = -shape * Math.log(alpha + age[i]!);
      let tail = a3;
      if (x > 0) {
        const a4 = logA - logLastB[x]! - shape * Math.log(alpha + recency[i]!);
        tail = a3 > a4 ? a3 + Math.log1p(Math.exp(a4 - a3)) : a4 + Math.log1p(Math.exp(a3 - a4));
      }
      total += weight[i]! * (logRisingR[x]! + rLogAlpha + logRisingB[x]! - logRisingAB[x]! + tail);
    }
    return total;
  };
}

/** Total log-likelihood of `histories` at `params`; for checks and reports, not for inner loops. */
export function bgNbdLogLikelihood(params: BgNbdParams, histories: readonly PurchaseHistory[]): number {
  return createBgNbdLogLikelihood(weightHistories(histories))(params.r, params.alpha, params.a, params.b);
}
