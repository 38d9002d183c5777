import type { GammaGammaParams } from './params.ts';

/**
 * Expected mean order value of a buyer with `frequency` repeat purchases averaging `meanSpend` (note 025,
 * eq. 5): a credibility-weighted blend of the population mean v·p/(q−1) and the buyer's own mean, the
 * buyer's weight px/(px+q−1) growing with each purchase. With no repeat purchase it is the population
 * mean. Needs q > 1, which the fitter guarantees.
 */
export function expectedMeanSpend(params: GammaGammaParams, frequency: number, meanSpend: number): number {
  const { p, q, v } = params;
  const populationMean = (v * p) / (q - 1);
  if (frequency <= 0) return populationMean;
  const ownWeight = (p * frequency) / (p * frequency + q - 1);
  return (1 - ownWeight) * populationMean + ownWeight * meanSpend;
}
