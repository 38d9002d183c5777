/**
 * Rolling-window caps: at most `cap` messages in any window of `windowMs`. A send at s counts at instant t while
 * t − windowMs < s, so it stops counting exactly windowMs after it was sent.
 */

/** The sends counting at `at` (sorted ascending input; a send after `at` counts too, to stay on the safe side). */
export function sendsInWindow(sortedSends: readonly number[], at: number, windowMs: number): number[] {
  return sortedSends.filter((sent) => sent > at - windowMs);
}

/**
 * The earliest instant ≥ at when one more send fits under the cap: `at` itself, or the moment enough of the
 * oldest counted sends have left the window. Infinity when the cap is 0 (nothing is ever sent).
 */
export function capFreeAt(sortedSends: readonly number[], at: number, cap: number, windowMs: number): number {
  if (cap <= 0) return Infinity;
  const counted = sendsInWindow(sortedSends, at, windowMs);
  if (counted.length < cap) return at;
  // The send whose leaving brings the count down to cap − 1.
  return (counted[counted.length - cap] as number) + windowMs;
}
