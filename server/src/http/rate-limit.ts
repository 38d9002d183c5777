/**
 * Token buckets in memory, per key: enough for one instance (each instance limits on its own). Keys are
 * opaque strings (a visitor id, a salted hash of an address), never stored anywhere.
 */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number,
    private readonly maxKeys = 100_000,
  ) {}

  /** false when the limit is 0 (unlimited): callers may skip computing the key */
  get enabled(): boolean {
    return this.perMinute > 0;
  }

  /** Takes one token; false when the key is over its rate. A limit of 0 means unlimited. */
  take(key: string): boolean {
    if (this.perMinute === 0) return true;
    const now = this.now();
    const refillPerMs = this.perMinute / 60_000;
    const b = this.buckets.get(key);
    const tokens = b ? Math.min(this.perMinute, b.tokens + (now - b.at) * refillPerMs) : this.perMinute;
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return false;
    }
    if (!b && this.buckets.size >= this.maxKeys) this.evictFull(now, refillPerMs);
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return true;
  }

  /** Drops buckets that have refilled completely: they carry no information. */
  private evictFull(now: number, refillPerMs: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + (now - b.at) * refillPerMs >= this.perMinute) this.buckets.delete(k);
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}
