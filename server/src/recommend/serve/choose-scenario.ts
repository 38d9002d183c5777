import type { Stage } from '../../lifecycle/stages.ts';
import type { ServedScenario } from './scenarios.ts';

/**
 * `auto`: the lifecycle stage says what a visitor needs. Shopping now: things like this item, or what goes
 * with the cart. Left a cart: that cart first. Gone quiet or loyal: their own taste. Unknown: what sells.
 */
export function scenarioForStage(stage: Stage, has: { item: boolean; cart: boolean }): ServedScenario {
  switch (stage) {
    case 'here_and_now':
      return has.item ? 'similar' : has.cart ? 'also-bought' : 'for-you';
    case 'at_risk':
      return has.cart ? 'abandoned-cart' : 'for-you';
    case 'dormant':
    case 'loyal':
      return 'for-you';
    case 'potential':
      return 'popular';
  }
}
