import { DEFAULT_MINIMUM_REPEAT_BUYERS, parameterAtBoundary, tooFewRepeatBuyers, type ModelNotFitted } from '../model-fit.ts';
import { minimiseFromStarts, type Convergence } from '../numeric/minimise-from-starts.ts';
import { pearsonCorrelation } from '../numeric/pearson-correlation.ts';
import { gammaGammaLogLikelihood } from './log-likelihood.ts';
import type { GammaGammaParams } from './params.ts';

/** One buyer's spend: repeat purchases and their mean value (the first purchase excluded, as in the model). */
export interface BuyerSpend {
  frequency: number;
  meanSpend: number;
}

export interface GammaGammaFitOptions {
  minimumRepeatBuyers?: number;
}

export interface FittedGammaGamma {
  fitted: true;
  params: GammaGammaParams;
  logLikelihood: number;
  /** Buyers the model was fitted on: those with frequency > 0 and a positive mean spend. */
  repeatBuyers: number;
  /**
   * Pearson correlation of frequency and mean spend among repeat buyers. The model assumes spend is
   * independent of frequency; a value far from 0 (|ρ| > 0.3, say) means its CLV should be doubted.
   */
  frequencySpendCorrelation: number;
  convergence: Convergence;
}

export type GammaGammaFit = FittedGammaGamma | ModelNotFitted;

/**
 * Fits p, q, v by maximum likelihood over repeat buyers (one-time buyers say nothing about repeat spend),
 * Nelder–Mead over log-parameters from a few starts scaled to the sample's mean spend. Not fitted below
 * the repeat-buyer minimum, without convergence, with a parameter run to a boundary (e.g. every buyer
 * spends the same), or when q ≤ 1 (the population mean spend would be infinite, and so every CLV).
 */
export function fitGammaGamma(buyers: readonly BuyerSpend[], options: GammaGammaFitOptions = {}): GammaGammaFit {
  const { minimumRepeatBuyers = DEFAULT_MINIMUM_REPEAT_BUYERS } = options;
  buyers.forEach(assertValidSpend);
  const repeat = buyers.filter((buyer) => buyer.frequency > 0 && buyer.meanSpend > 0);
  const tooFew = tooFewRepeatBuyers(repeat.length, minimumRepeatBuyers);
  if (tooFew !== null) return tooFew;

  const sample = {
    frequency: Float64Array.from(repeat, (buyer) => buyer.frequency),
    meanSpend: Float64Array.from(repeat, (buyer) => buyer.meanSpend),
  };
  const meanSpend = sample.meanSpend.reduce((sum, m) => sum + m, 0) / repeat.length;
  const logMeanSpend = Math.log(meanSpend);
  const { point, convergence } = minimiseFromStarts(
    (x) => -gammaGammaLogLikelihood(sample, Math.exp(x[0]!), Math.exp(x[1]!), Math.exp(x[2]!)) / repeat.length,
    [
      [0, 0.7, logMeanSpend],
      [1.5, 1.5, logMeanSpend],
      [-0.5, 2.5, logMeanSpend + 1],
    ],
  );
  const params: GammaGammaParams = { p: Math.exp(point[0]!), q: Math.exp(point[1]!), v: Math.exp(point[2]!) };
  if (!convergence.converged) {
    return { fitted: false, reason: `maximum likelihood did not converge (${convergence.evaluations} evaluations)`, convergence };
  }
  // v is in currency; relative to the mean spend it is dimensionless like p and q.
  const atBoundary = parameterAtBoundary({ p: params.p, q: params.q, 'v / mean spend': params.v / meanSpend });
  if (atBoundary !== null) {
    return { fitted: false, reason: `no interior maximum: ${atBoundary}; the data do not identify the model`, convergence };
  }
  if (!(params.q > 1)) {
    return { fitted: false, reason: `q = ${params.q.toFixed(3)} ≤ 1: mean spend has no finite expectation`, convergence };
  }
  return {
    fitted: true,
    params,
    logLikelihood: gammaGammaLogLikelihood(sample, params.p, params.q, params.v),
    repeatBuyers: repeat.length,
    frequencySpendCorrelation: pearsonCorrelation(sample.frequency, sample.meanSpend),
    convergence,
  };
}

function assertValidSpend(buyer: BuyerSpend, index: number): void {
  const { frequency, meanSpend } = buyer;
  if (!Number.isInteger(frequency) || frequency < 0 || !Number.isFinite(meanSpend) || meanSpend < 0) {
    throw new RangeError(`buyer spend ${index}: frequency must be a non-negative integer and meanSpend finite and ≥ 0 (got ${JSON.stringify(buyer)})`);
  }
}
