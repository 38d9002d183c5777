/**
 * An open loop at a fixed rate: request i is sent at start + i/rate whether or not earlier ones have been
 * answered, so a slow answer cannot slow the load down and hide itself (a closed loop's coordinated omission).
 * `send(i)` makes one request and records what it wants; this resolves when every request has finished.
 */
export async function openLoop(ratePerSecond: number, total: number, send: (i: number) => Promise<void>): Promise<void> {
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / ratePerSecond - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send(i));
  }
  await Promise.all(inFlight);
}

/** p50, p95, p99 and max of latencies in ms: the sorted list at floor(p·n) */
export function percentiles(latencies: readonly number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  return { p50: pct(50), p95: pct(95), p99: pct(99), max: sorted.at(-1) ?? NaN, n: sorted.length };
}
