/**
 * The decay shapes V-SKNN uses, named as in session-rec so its configurations carry over:
 * `same` 1, `div` 1/x, `quadratic` 1/x², `log` 1/log10(x + 1.7), or `{ exponential: λ }` e^(−(x−1)/λ),
 * where x ≥ 1 is a distance (1 = nearest).
 */
export type Decay = 'same' | 'div' | 'quadratic' | 'log' | { exponential: number };

/** weight at distance `x` (1 = nearest) */
export function decayAt(decay: Decay, x: number): number {
  switch (decay) {
    case 'same':
      return 1;
    case 'div':
      return 1 / x;
    case 'quadratic':
      return 1 / (x * x);
    case 'log':
      return 1 / Math.log10(x + 1.7);
    default:
      return Math.exp(-(x - 1) / decay.exponential);
  }
}

/**
 * Weight of the click at `position` (1-based) in a session of `length` clicks. session-rec's V-SKNN writes
 * these as functions of (position, length): `div` = position/length, `quadratic` = (position/length)²,
 * `log` = 1/log10(length − position + 1.7); the exponential form is STAN's e^((position − length)/λ).
 */
export function positionWeight(decay: Decay, position: number, length: number): number {
  switch (decay) {
    case 'same':
      return 1;
    case 'div':
      return position / length;
    case 'quadratic':
      return (position / length) ** 2;
    case 'log':
      return 1 / Math.log10(length - position + 1.7);
    default:
      return Math.exp((position - length) / decay.exponential);
  }
}

export function describeDecay(decay: Decay): string {
  return typeof decay === 'string' ? decay : `exp(${decay.exponential})`;
}
