import type { ProductObservation } from './observation.ts';

type Fields = Partial<Record<keyof ProductObservation, unknown>>;

/**
 * What this instance recently wrote or confirmed about each product, so the hot path can skip the catalog read
 * when an event only repeats what is already stored (nearly every product view). Entries expire after
 * `ttlMs`, which bounds how long a change made through another instance can go unnoticed here.
 */
export class KnownProducts {
  private entries = new Map<string, { fields: Fields; at: number }>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 200_000,
  ) {}

  /** True when the observation only repeats what is stored: it can change nothing. */
  knows(siteId: string, o: ProductObservation, now: number): boolean {
    const hit = this.entries.get(`${siteId} ${o.itemId}`);
    return hit !== undefined && now - hit.at <= this.ttlMs && covers(hit.fields, o);
  }

  /** Called after a commit: the stored (trusted) product matches these observations. */
  remember(siteId: string, observations: ProductObservation[], now: number): void {
    if (this.entries.size > this.maxEntries) this.entries.clear();
    for (const o of observations) {
      const key = `${siteId} ${o.itemId}`;
      const prev = this.entries.get(key);
      const fields: Fields = prev && now - prev.at <= this.ttlMs ? prev.fields : {};
      for (const [k, v] of Object.entries(o)) if (v !== undefined) fields[k as keyof ProductObservation] = v;
      this.entries.set(key, { fields, at: now });
    }
  }
}

/** True when every field the observation carries already has that value. */
function covers(known: Fields, o: ProductObservation): boolean {
  for (const [k, v] of Object.entries(o)) if (v !== undefined && known[k as keyof ProductObservation] !== v) return false;
  return true;
}
