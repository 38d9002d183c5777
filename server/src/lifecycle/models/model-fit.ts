import type { Convergence } from './numeric/minimise-from-starts.ts';

/** Below this many repeat buyers a site keeps its fixed thresholds: too few to fit dropout or spend. */
export const DEFAULT_MINIMUM_REPEAT_BUYERS = 30;

/** What a fit returns when the lifecycle must fall back to fixed thresholds, and why. */
export interface ModelNotFitted {
  fitted: false;
  reason: string;
  convergence?: Convergence;
}

/** The fallback decision, or null when there are enough repeat buyers to fit. */
export function tooFewRepeatBuyers(repeatBuyers: number, minimum: number): ModelNotFitted | null {
  if (repeatBuyers >= minimum) return null;
  const noun = repeatBuyers === 1 ? 'repeat buyer' : 'repeat buyers';
  return { fitted: false, reason: `only ${repeatBuyers} ${noun}; need ${minimum}` };
}
