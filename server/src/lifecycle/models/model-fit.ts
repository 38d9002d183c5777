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

// Dimensionless parameters beyond these bounds mean the likelihood kept rising towards an edge of the
// parameter space (e.g. a → 0 when no buyer ever seems to drop out): the data do not identify the model.
const BOUNDARY_LOW = 1e-4;
const BOUNDARY_HIGH = 1e4;

/** Names the first parameter that ran to a boundary, or null when all are interior. */
export function parameterAtBoundary(dimensionless: Readonly<Record<string, number>>): string | null {
  for (const [name, value] of Object.entries(dimensionless)) {
    if (!(value >= BOUNDARY_LOW && value <= BOUNDARY_HIGH)) return `${name} = ${value.toPrecision(3)}`;
  }
  return null;
}
