import { sampleBeta, sampleGamma, seededRandom } from '../numeric/random.ts';
import type { BgNbdParams } from './params.ts';
import type { PurchaseHistory } from './purchase-history.ts';

/**
 * Draws purchase histories from the BG/NBD process itself: each buyer gets λ ~ Gamma(r, α) and
 * p ~ Beta(a, b), buys at time 0, then at Poisson(λ) times, dropping out after each repeat purchase with
 * probability p, observed until `ages[i]`. For parameter-recovery tests and the fit benchmark.
 */
export function simulateBgNbdHistories(params: BgNbdParams, ages: readonly number[], seed: number): PurchaseHistory[] {
  const random = seededRandom(seed);
  return ages.map((age) => {
    const rate = sampleGamma(random, params.r, params.alpha);
    const dropout = sampleBeta(random, params.a, params.b);
    let frequency = 0;
    let recency = 0;
    let at = 0;
    for (;;) {
      at += -Math.log(1 - random()) / rate;
      if (at > age) break;
      frequency++;
      recency = at;
      if (random() < dropout) break;
    }
    return { frequency, recency, age };
  });
}
