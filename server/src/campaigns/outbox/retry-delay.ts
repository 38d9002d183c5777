/** Sends tried per message before it fails (each failure a 429, a 5xx or a network error). */
export const MAX_ATTEMPTS = 6;

/** Exponential backoff from 30 s (30 s, 1 min, 2 min, … capped at 1 h), or the push service's Retry-After if longer. */
export function retryDelay(attemptsSoFar: number, retryAfterMs: number): number {
  const backoff = Math.min(30_000 * 2 ** Math.max(0, attemptsSoFar - 1), 3_600_000);
  return Math.max(backoff, retryAfterMs);
}
