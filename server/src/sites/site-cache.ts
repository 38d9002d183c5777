import type { Db } from '../db/client.ts';
import type { Site } from '../db/schema/sites.ts';
import { findSiteByKey } from './sites.ts';

/**
 * Sites by public key, cached briefly so the collector does not read the table on every request. The database
 * stays the truth: a site created or changed by another instance or the CLI is seen within `ttlMs`.
 */
export class SiteCache {
  private entries = new Map<string, { site: Site | undefined; at: number }>();

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
    private readonly ttlMs = 5_000,
  ) {}

  async byKey(publicKey: string): Promise<Site | undefined> {
    const hit = this.entries.get(publicKey);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.site;
    const site = await findSiteByKey(this.db, publicKey);
    if (this.entries.size > 10_000) this.entries.clear();
    this.entries.set(publicKey, { site, at: this.now() });
    return site;
  }
}
