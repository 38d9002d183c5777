import { randomBytes } from 'node:crypto';
import { observationsFromEvents } from '../../catalog/from-events.ts';
import type { Clock } from '../../clock.ts';
import type { CollectEvent } from '../../collect/schema.ts';
import type { Db } from '../../db/client.ts';
import { shoploopOptions } from '../tuned-options.ts';
import { scenarioForStage } from './choose-scenario.ts';
import type { PersonContext } from './person-context.ts';
import { Picker } from './picker.ts';
import type { RecProduct } from './product-lookup.ts';
import { type RecEvent, recEventOfCollected } from './rec-event.ts';
import { candidates, type RequestScenario, type ServedScenario } from './scenarios.ts';
import { SiteModel, type SiteModelOptions } from './site-model.ts';
import { visitorDefaults } from './visitor-history.ts';
import { recentEvents } from './load-events.ts';

const DAY_MS = 24 * 3600 * 1000;

export interface RecommendationServiceOptions extends SiteModelOptions {
  /** events older than this are not read at start-up */
  windowDays: number;
  /** at most this many of a site's newest events are read at start-up */
  maxEvents: number;
  pageSize: number;
  /** a site's product rows are re-read when older than this (feeds and `hidden` never reach `ingest`) */
  productRefreshMs: number;
}

export const recommendationDefaults: RecommendationServiceOptions = {
  session: shoploopOptions,
  popularityHalfLife: 7 * 24 * 3600,
  visitors: visitorDefaults,
  windowDays: 90,
  maxEvents: 1_000_000,
  pageSize: 5000,
  productRefreshMs: 60_000,
};

export interface RecommendRequest {
  siteId: string;
  visitorId: string;
  scenario: RequestScenario;
  item?: string | undefined;
  category?: string | undefined;
  limit: number;
  /** fewer than this many left after exclusions → an empty list */
  min: number;
  person: PersonContext;
}

export interface RecommendResult {
  recId: string;
  scenario: ServedScenario;
  items: RecProduct[];
}

interface SiteEntry {
  model: SiteModel | undefined;
  /** set while a build reads the events table; ingests meanwhile wait in `buffer` */
  building: Promise<SiteModel> | undefined;
  buffer: Array<{ visitorId: string; event: RecEvent; collected: CollectEvent }>;
  refreshing: Promise<void> | undefined;
}

/** ingested events this close to a build's start may also have been read by it: they are deduplicated by id */
const BUILD_OVERLAP_MS = 60_000;

/**
 * Recommendations for every site of this instance, from models held in memory: built from the recent events
 * at start-up (or on a site's first request), then kept current by `ingest` after each committed batch. A
 * request reads no events; the lifecycle stage and cart come in with it.
 */
export class RecommendationService {
  readonly options: RecommendationServiceOptions;
  private readonly sites = new Map<string, SiteEntry>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    options: Partial<RecommendationServiceOptions> = {},
  ) {
    this.options = { ...recommendationDefaults, ...options };
  }

  /** builds every site's model; main.ts awaits this before listening */
  async buildAll(): Promise<void> {
    const rs = await this.db.client.execute('SELECT id FROM sites');
    for (const row of rs.rows) await this.model(String(row.id));
  }

  /** the site's model, built from the events table on first use */
  async model(siteId: string): Promise<SiteModel> {
    const entry = this.entry(siteId);
    if (entry.model) return entry.model;
    entry.building ??= this.build(siteId, entry).finally(() => (entry.building = undefined));
    return entry.building;
  }

  /**
   * Learns from a batch the writer has just committed (call it with the stored events only, not duplicates).
   * A site without a model is skipped: its build will read these events from the table.
   */
  ingest(siteId: string, visitorId: string, events: readonly CollectEvent[], receivedAt: number): void {
    const entry = this.sites.get(siteId);
    if (!entry) return;
    for (const collected of events) {
      const event = recEventOfCollected(collected, receivedAt);
      if (entry.model) {
        entry.model.products.observe(observationsFromEvents([collected]));
        entry.model.learn(visitorId, event);
      } else if (entry.building) entry.buffer.push({ visitorId, event, collected });
    }
  }

  /** re-reads the site's products (after a feed import or an admin change, or when they are stale) */
  async refreshProducts(siteId: string): Promise<void> {
    const entry = this.entry(siteId);
    const model = await this.model(siteId);
    entry.refreshing ??= model.products.load(this.db, siteId, this.clock.now()).finally(() => (entry.refreshing = undefined));
    return entry.refreshing;
  }

  async recommend(req: RecommendRequest): Promise<RecommendResult> {
    const model = await this.model(req.siteId);
    if (this.clock.now() - model.products.loadedAt > this.options.productRefreshMs) {
      // stale product rows are still good enough for this request; the next one sees the fresh ones
      this.refreshProducts(req.siteId).catch((error: unknown) => console.error('recommendations: product refresh failed', error));
    }
    const visitor = model.visitors.peek(req.visitorId);
    const cart = [...new Set([...(visitor?.cart.keys() ?? []), ...req.person.cart])];
    const scenario: ServedScenario =
      req.scenario === 'auto' ? scenarioForStage(req.person.stage, { item: req.item !== undefined, cart: cart.length > 0 }) : req.scenario;

    // hard exclusions: the page's item, what was bought, and the cart (except when the cart is the point)
    const exclude = new Set<string>(visitor?.bought ?? []);
    if (req.item !== undefined) exclude.add(req.item);
    if (scenario !== 'abandoned-cart') for (const item of cart) exclude.add(item);

    const picker = new Picker(req.limit, model.products, exclude);
    const want = 2 * req.limit + exclude.size;
    picker.offerAll(candidates(scenario, { model, visitorId: req.visitorId, item: req.item, category: req.category, cart, now: this.clock.now() / 1000, want }));
    // recently-viewed is the visitor's own list, and "popular in a category" stays in it; the rest are topped up
    if (scenario !== 'recently-viewed') {
      if (req.category !== undefined) picker.fillFrom(model.popularityOf(req.category));
      if (!(scenario === 'popular' && req.category !== undefined)) picker.fillFrom(model.popularity);
    }
    const taken = picker.taken.length >= req.min ? picker.taken : [];
    return { recId: newRecId(), scenario, items: taken.map((id) => model.products.get(id)!) };
  }

  /** sizes of what is held, for the admin and for sizing memory */
  stats(siteId: string) {
    const model = this.sites.get(siteId)?.model;
    if (!model) return undefined;
    return {
      sessions: model.session.knn.index.sessions.size,
      items: model.popularity.itemCount,
      categories: model.categoryPopularity.size,
      visitors: model.visitors.size,
      products: model.products.size,
    };
  }

  private entry(siteId: string): SiteEntry {
    let entry = this.sites.get(siteId);
    if (!entry) this.sites.set(siteId, (entry = { model: undefined, building: undefined, buffer: [], refreshing: undefined }));
    return entry;
  }

  private async build(siteId: string, entry: SiteEntry): Promise<SiteModel> {
    const startedAt = this.clock.now();
    const model = new SiteModel(this.options);
    // products first: events without a category take the catalog's
    await model.products.load(this.db, siteId, startedAt);
    const recentIds = new Set<string>();
    const since = startedAt - this.options.windowDays * DAY_MS;
    for await (const { visitorId, event } of recentEvents(this.db, siteId, { since, maxEvents: this.options.maxEvents, pageSize: this.options.pageSize })) {
      model.learn(visitorId, event);
      if (event.receivedAt >= startedAt - BUILD_OVERLAP_MS) recentIds.add(event.eventId);
    }
    await model.products.load(this.db, siteId, this.clock.now());
    for (const { visitorId, event, collected } of entry.buffer) {
      model.products.observe(observationsFromEvents([collected]));
      if (!recentIds.has(event.eventId)) model.learn(visitorId, event);
    }
    entry.buffer = [];
    entry.model = model;
    return model;
  }
}

const newRecId = () => `r_${randomBytes(12).toString('base64url')}`;
