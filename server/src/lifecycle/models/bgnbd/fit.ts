import { DEFAULT_MINIMUM_REPEAT_BUYERS, parameterAtBoundary, tooFewRepeatBuyers, type ModelNotFitted } from '../model-fit.ts';
import { minimiseFromStarts, type Convergence } from '../numeric/minimise-from-starts.ts';
import { createBgNbdLogLikelihood } from './log-likelihood.ts';
import type { BgNbdParams } from './params.ts';
import type { PurchaseHistory } from './purchase-history.ts';
import { weightHistories } from './weighted-histories.ts';

export interface BgNbdFitOptions {
  /** Fewer repeat buyers (x > 0) than this and the model is not fitted. */
  minimumRepeatBuyers?: number;
}

export interface FittedBgNbd {
  fitted: true;
  params: BgNbdParams;
  /** Total log-likelihood at `params`, in the caller's time unit. */
  logLikelihood: number;
  buyers: number;
  repeatBuyers: number;
  convergence: Convergence;
}

export type BgNbdFit = FittedBgNbd | ModelNotFitted;

// Log-space starts (ln r, ln α, ln a, ln b) with α in rescaled time; spread so that agreement means something.
const STARTS = [
  [0, 0, 0, 0],
  [-1.5, 0.5, -0.5, 1],
  [0.5, 1.5, 1, 2],
];
// Like lifetimes: rescale time so the oldest buyer has age 10, which keeps α (and the simplex) near 1.
const SCALED_MAX_AGE = 10;

/**
 * Fits BG/NBD by maximum likelihood: Nelder–Mead over log-parameters (so all four stay positive) on the
 * mean negative log-likelihood: a rough run from each of three starts, the best polished and restarted
 * until a restart stops improving it.
 * Returns `{ fitted: false }` below the repeat-buyer minimum, if the optimiser did not converge, or if
 * a parameter ran to a boundary (a site with no visible dropout drives a → 0), so the lifecycle falls
 * back to fixed thresholds.
 */
export function fitBgNbd(histories: readonly PurchaseHistory[], options: BgNbdFitOptions = {}): BgNbdFit {
  const { minimumRepeatBuyers = DEFAULT_MINIMUM_REPEAT_BUYERS } = options;
  const weighted = weightHistories(histories);
  const tooFew = tooFewRepeatBuyers(weighted.repeatBuyers, minimumRepeatBuyers);
  if (tooFew !== null) return tooFew;

  const timeScale = weighted.maxAge > 0 ? SCALED_MAX_AGE / weighted.maxAge : 1;
  const logLikelihood = createBgNbdLogLikelihood(weighted, timeScale);
  const buyers = weighted.buyers;
  const { point, convergence } = minimiseFromStarts(
    (p) => -logLikelihood(Math.exp(p[0]!), Math.exp(p[1]!), Math.exp(p[2]!), Math.exp(p[3]!)) / buyers,
    STARTS,
  );
  const [r, scaledAlpha, a, b] = Array.from(point, Math.exp) as [number, number, number, number];
  if (!convergence.converged) {
    return { fitted: false, reason: `maximum likelihood did not converge (${convergence.evaluations} evaluations)`, convergence };
  }
  // α is judged in rescaled time, where it is dimensionless like the others.
  const atBoundary = parameterAtBoundary({ r, alpha: scaledAlpha, a, b });
  if (atBoundary !== null) {
    return { fitted: false, reason: `no interior maximum: ${atBoundary}; the data do not identify the model`, convergence };
  }
  const params: BgNbdParams = { r, alpha: scaledAlpha / timeScale, a, b };
  const logLikelihoodInUnits = createBgNbdLogLikelihood(weighted)(params.r, params.alpha, params.a, params.b);
  return { fitted: true, params, logLikelihood: logLikelihoodInUnits, buyers, repeatBuyers: weighted.repeatBuyers, convergence };
}
