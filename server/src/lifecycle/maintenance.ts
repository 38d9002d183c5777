import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { aliveProbabilityOf, fitSiteModels, readSiteModel, type SiteModel } from './buyer-models.ts';
import type { AliveProbability } from './evaluate.ts';
import { DAY } from './settings.ts';


export interface MaintenanceOptions {
  /** how old a site's buyer models may get before they are fitted again */
  refitEveryMs?: number;
  /** how long a model read from the database is trusted here before reading it again */
  modelCacheMs?: number;
}

/**
 * The slow, per-site chores of the lifecycle: today's stage counts for the charts, and refitting the buyer
 * models on a schedule. Both are safe with several instances: the counts are an idempotent upsert, and a
 * refit is claimed by moving the model's fitted-at time forward in one conditional update.
 */
export class LifecycleMaintenance {
  private models = new Map<string, { model: SiteModel | undefined; readAt: number }>();
  private readonly refitEveryMs: number;
  private readonly modelCacheMs: number;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    options: MaintenanceOptions = {},
  ) {
    this.refitEveryMs = options.refitEveryMs ?? DAY;
    this.modelCacheMs = options.modelCacheMs ?? 60_000;
  }

  async run(): Promise<void> {
    const now = this.clock.now();
    const sites = await this.db.client.execute('SELECT id FROM sites');
    for (const row of sites.rows) {
      const siteId = String(row.id);
      await this.snapshotDaily(siteId, now);
      await this.refitIfDue(siteId, now);
    }
  }

  /** Stores the people per stage now as the count of today (UTC); the last write of a day stands. */
  async snapshotDaily(siteId: string, now: number): Promise<void> {
    const day = new Date(now).toISOString().slice(0, 10);
    await this.db.write.run([
      {
        sql: `INSERT INTO stage_daily (site_id, day, stage, count)
              SELECT site_id, ?, stage, count(*) FROM profiles WHERE site_id = ? AND stage IS NOT NULL GROUP BY stage
              ON CONFLICT (site_id, day, stage) DO UPDATE SET count = excluded.count`,
        args: [day, siteId],
      },
    ]);
  }

  async refitIfDue(siteId: string, now: number): Promise<SiteModel | undefined> {
    const [, claimed] = await this.db.write.run([
      { sql: `INSERT INTO buyer_models (site_id, fitted_at, repeat_buyers, note) VALUES (?, 0, 0, 'not fitted yet') ON CONFLICT (site_id) DO NOTHING`, args: [siteId] },
      // the claim: only one instance moves fitted_at forward
      { sql: `UPDATE buyer_models SET fitted_at = ? WHERE site_id = ? AND fitted_at <= ?`, args: [now, siteId, now - this.refitEveryMs] },
    ]);
    if (!claimed) return undefined;
    const model = await fitSiteModels(this.db, siteId, now);
    this.models.set(siteId, { model, readAt: now });
    return model;
  }

  /** P(alive) from the site's fitted BG/NBD, or undefined (the recency rule) when it has none. */
  async aliveProbability(siteId: string): Promise<AliveProbability | undefined> {
    const now = this.clock.now();
    let hit = this.models.get(siteId);
    if (!hit || now - hit.readAt > this.modelCacheMs) {
      hit = { model: await readSiteModel(this.db, siteId), readAt: now };
      this.models.set(siteId, hit);
    }
    return hit.model?.bgNbd ? aliveProbabilityOf(hit.model.bgNbd) : undefined;
  }
}
