// Buyer models for the lifecycle engine: pure functions, no database. See README.md.
export { rfmScores, type RfmInput, type RfmScore } from './rfm/rfm-scores.ts';
export { quintileScores, type Quintile } from './rfm/quintile-scores.ts';

export type { BgNbdParams } from './bgnbd/params.ts';
export { purchaseHistoryFromTimes, type PurchaseHistory } from './bgnbd/purchase-history.ts';
export { fitBgNbd, type BgNbdFit, type BgNbdFitOptions, type FittedBgNbd } from './bgnbd/fit.ts';
export { bgNbdLogLikelihood } from './bgnbd/log-likelihood.ts';
export { probabilityAlive } from './bgnbd/probability-alive.ts';
export { expectedPurchases } from './bgnbd/expected-purchases.ts';
export { simulateBgNbdHistories } from './bgnbd/simulate.ts';

export type { GammaGammaParams } from './gamma-gamma/params.ts';
export { fitGammaGamma, type BuyerSpend, type FittedGammaGamma, type GammaGammaFit, type GammaGammaFitOptions } from './gamma-gamma/fit.ts';
export { expectedMeanSpend } from './gamma-gamma/expected-spend.ts';
export { meanRepeatSpend, type Purchase } from './gamma-gamma/mean-repeat-spend.ts';

export { customerLifetimeValue, type BuyerValueInputs, type ClvOptions } from './clv/customer-lifetime-value.ts';

export { DEFAULT_MINIMUM_REPEAT_BUYERS, type ModelNotFitted } from './model-fit.ts';
export type { Convergence } from './numeric/minimise-from-starts.ts';
export type { TimeUnit } from './time-unit.ts';
