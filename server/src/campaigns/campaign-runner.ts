import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import type { Recommender } from '../recommend/serve/recommender.ts';
import type { MessageDispatcher } from './outbox/dispatcher.ts';
import { readCampaignSettings } from './site-campaign-config.ts';
import { planCatalogMessages } from './triggers/catalog-triggers.ts';
import { withCursor } from './triggers/cursor.ts';
import { planReplenishMessages } from './triggers/replenish-triggers.ts';
import { planReviewMessages } from '../reviews/push/plan-review-messages.ts';
import { everyRound, type RoundGuard } from '../health/round-gate.ts';

const MINUTE = 60_000;

export interface CampaignRunnerOptions {
  /** how often each site's trusted catalog changes are read for restocks and price drops */
  catalogEveryMs?: number;
  /** how often each site's subscribers are checked for products due again */
  replenishEveryMs?: number;
  /** how often each site's review requests are read for asks and reminders that came due */
  reviewsEveryMs?: number;
}

/**
 * The campaigns' timer: the periodic triggers (catalog changes, replenishment, due review requests; stage triggers run inside the
 * lifecycle scheduler) for every site with subscribers, then the outbox. Every step is claimed in the
 * database, so any number of instances may run it.
 */
export class CampaignRunner {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly dispatcher: MessageDispatcher,
    private readonly recommendations: Recommender,
    private readonly options: CampaignRunnerOptions = {},
  ) {}

  /** `gate` keeps rounds from starting while the database fails (health/round-gate.ts) */
  start(intervalMs: number, gate?: RoundGuard): void {
    this.timer ??= everyRound('campaigns', intervalMs, () => this.tick(), gate);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass; a pass still running when the timer fires again is not started twice. */
  async tick(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      await this.planPeriodic();
      await this.dispatcher.runDue();
    })().finally(() => (this.running = null));
    return this.running;
  }

  async planPeriodic(): Promise<void> {
    const now = this.clock.now();
    const rs = await this.db.client.execute('SELECT DISTINCT site_id FROM push_subscriptions');
    for (const row of rs.rows) {
      const siteId = String(row.site_id);
      const site = { id: siteId, allowedOrigins: await this.originsOf(siteId) };
      const settings = await readCampaignSettings(this.db, siteId);
      await withCursor(
        this.db,
        siteId,
        'catalog',
        now,
        { everyMs: this.options.catalogEveryMs ?? MINUTE, start: () => this.newestChange(siteId) },
        (after) => planCatalogMessages(this.db, site, after, settings, now),
      );
      await withCursor(this.db, siteId, 'replenish', now, { everyMs: this.options.replenishEveryMs ?? 15 * MINUTE, start: async () => 0 }, async (p) => {
        await planReplenishMessages(this.db, siteId, this.recommendations, settings, now);
        return p;
      });
      await withCursor(this.db, siteId, 'review_requests', now, { everyMs: this.options.reviewsEveryMs ?? MINUTE, start: async () => 0 }, async (p) => {
        await planReviewMessages(this.db, siteId, settings, now);
        return p;
      });
    }
  }

  private async originsOf(siteId: string): Promise<string[]> {
    const rs = await this.db.client.execute({ sql: 'SELECT allowed_origins FROM sites WHERE id = ?', args: [siteId] });
    return rs.rows[0] ? (JSON.parse(String(rs.rows[0].allowed_origins)) as string[]) : [];
  }

  private async newestChange(siteId: string): Promise<number> {
    const rs = await this.db.client.execute({ sql: 'SELECT coalesce(max(id), 0) AS id FROM product_changes WHERE site_id = ?', args: [siteId] });
    return Number(rs.rows[0]?.id ?? 0);
  }
}
