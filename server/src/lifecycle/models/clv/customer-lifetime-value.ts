import { expectedPurchases } from '../bgnbd/expected-purchases.ts';
import type { BgNbdParams } from '../bgnbd/params.ts';
import { expectedMeanSpend } from '../gamma-gamma/expected-spend.ts';
import type { GammaGammaParams } from '../gamma-gamma/params.ts';
import { UNITS_PER_MONTH, type TimeUnit } from '../time-unit.ts';

export interface ClvOptions {
  /** The unit the BG/NBD params and the buyer's recency and age are in. No default: a wrong unit is silent. */
  timeUnit: TimeUnit;
  /** Months of future purchases counted; default 12. */
  months?: number;
  /** Discount per month (0.01 ≈ 12.7 % a year); default 0.01. */
  monthlyDiscountRate?: number;
}

/** A buyer as CLV needs them: BG/NBD history in `timeUnit` and mean repeat spend. */
export interface BuyerValueInputs {
  frequency: number;
  recency: number;
  age: number;
  meanSpend: number;
}

/**
 * Discounted value of a buyer's purchases over the next `months`, as lifetimes' customer_lifetime_value:
 *   Σ_{i=1..months} E[spend] · (E[Y(i·u)] − E[Y((i−1)·u)]) / (1 + d)^i,   u = time units per month,
 * with E[Y] from BG/NBD and E[spend] from Gamma-Gamma. Costs `months` expected-purchase series.
 */
export function customerLifetimeValue(
  bgNbd: BgNbdParams,
  gammaGamma: GammaGammaParams,
  buyer: BuyerValueInputs,
  options: ClvOptions,
): number {
  const { timeUnit, months = 12, monthlyDiscountRate = 0.01 } = options;
  const unitsPerMonth = UNITS_PER_MONTH[timeUnit];
  const { frequency, recency, age } = buyer;
  const spend = expectedMeanSpend(gammaGamma, frequency, buyer.meanSpend);
  let value = 0;
  let purchasesSoFar = 0;
  for (let month = 1; month <= months; month++) {
    const purchases = expectedPurchases(bgNbd, month * unitsPerMonth, frequency, recency, age);
    value += (spend * (purchases - purchasesSoFar)) / (1 + monthlyDiscountRate) ** month;
    purchasesSoFar = purchases;
  }
  return value;
}
