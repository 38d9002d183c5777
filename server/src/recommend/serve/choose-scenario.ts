import type { Stage } from '../../lifecycle/stages.ts';
import type { ServedScenario } from './scenarios.ts';

/**
 * `auto`: the lifecycle stage says what a visitor needs. Shopping now: things like this item, or what goes
 * with the cart. Left a cart: that cart first. Gone quiet: their own taste, to win them back. Loyal: what
 * they are due to buy again (the service falls back to `for-you` when nothing is due). Unknown: what sells.
 */
export function scenarioForStage(stage: Stage, has: { item: boolean; cart: boolean }): ServedScenario {
  switch (stage) {
    case 'here_and_now':
      return has.item ? 'similar' : has.cart ? 'also-bought' : 'for-you';
    case 'at_risk':
      return has.cart ? 'abandoned-cart' : 'for-you';
    case 'dormant':
      return 'win-back';
    case 'loyal':
      return 'replenish';
    case 'potential':
      return 'popular';
  }
}
