import { randomBytes } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import type { Clock } from '../../clock.ts';
import type { CollectEvent } from '../../collect/schema.ts';
import type { Db } from '../../db/client.ts';
import { shoploopOptions } from '../tuned-options.ts';
import { scenarioForStage } from './choose-scenario.ts';
import type { PersonContext } from './person-context.ts';
import { Picker } from './picker.ts';
import type { RecProduct } from './product-lookup.ts';
import { type RecEvent, recEventOfCollected } from './rec-event.ts';
import { candidates, ownItemsOnly, type RequestScenario, type ScenarioContext, type ServedScenario } from './scenarios.ts';
import { SiteModel, type SiteModelOptions } from './site-model.ts';
import { visitorDefaults } from './visitor-history.ts';
import { eventsBetween, learnedEventNames, newestSeq, windowEvents } from './load-events.ts';
import type { Recommender } from './recommender.ts';

const DAY_MS = 24 * 3600 * 1000;

export interface RecommendationServiceOptions extends SiteModelOptions {
  /** events older than this are not read by a build (at start-up and each rebuild) */
  windowDays: number;
  /** at most this many of a site's newest events are read by a build */
  maxEvents: number;
  /** events read per query at start-up and by a catch-up */
  pageSize: number;
  /** events read per query by a rebuild beside live traffic: each read holds the event loop (~8 µs a row) */
  rebuildPageSize: number;
  /** a site's product rows are re-read when older than this (feeds, newly trusted values and `hidden` never reach `ingest`) */
  productRefreshMs: number;
}

export const recommendationDefaults: RecommendationServiceOptions = {
  session: shoploopOptions,
  popularityHalfLife: 7 * 24 * 3600,
  visitors: visitorDefaults,
  windowDays: 90,
  maxEvents: 1_000_000,
  pageSize: 5000,
  rebuildPageSize: 250,
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
  /** the model requests are served from; during a rebuild, the old one */
  model: SiteModel | undefined;
  /** set while a build (the first, or a rebuild) reads the events table; ingests meanwhile also wait in `buffer` */
  building: Promise<SiteModel> | undefined;
  buffer: Array<{ visitorId: string; event: RecEvent }>;
  refreshing: Promise<void> | undefined;
  /** the events table has been read up to this seq, by the last build or catch-up (during a rebuild: the new model's) */
  readUpTo: number;
  /** ids of events learned since the last catch-up began, with when (wall ms): a catch-up skips them */
  learnedLately: Map<string, number>;
  catchingUp: Promise<void> | undefined;
}

/** longest stretch of learning a build does before it lets the event loop turn */
const LEARN_SLICE_MS = 2;

/**
 * A batch received this long before a build starts may still be ingested after it began; the events the build
 * reads from then on are kept by id, so the buffer does not teach them twice.
 */
const BUILD_OVERLAP_MS = 60_000;

/**
 * Recommendations for every site of this instance, from models held in memory: built from the recent events
 * at start-up (or on a site's first request), then kept current by `ingest` after each committed batch, and
 * rebuilt now and then so what falls out of the window leaves memory. A request reads no events; the lifecycle
 * stage and cart come in with it.
 */
export class RecommendationService implements Recommender {
  readonly options: RecommendationServiceOptions;
  private readonly sites = new Map<string, SiteEntry>();
  private catchUpTimer: NodeJS.Timeout | undefined;
  private rebuildTimer: NodeJS.Timeout | undefined;
  /** the timer's round of rebuilds while it runs: a round that outlasts the interval is not started twice */
  private rebuildRound: Promise<void> | undefined;
  /** set by `stop`: builds give up at their next turn, so shutdown need not wait for a whole rebuild */
  private stopped = false;

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
    entry.building ??= this.startBuild(entry, () => this.build(siteId, entry));
    return entry.building;
  }

  /**
   * Builds the site's model afresh from the window and swaps it in; the old one serves until then, and what is
   * ingested meanwhile reaches both. Events older than the window leave memory only this way: a model that
   * only ever learns would keep every session since the instance started.
   */
  async rebuild(siteId: string): Promise<SiteModel> {
    const entry = this.entry(siteId);
    // a catch-up already reading moves `readUpTo`; the build sets its own once that one is done
    entry.building ??= this.startBuild(entry, async () => {
      await entry.catchingUp;
      return this.build(siteId, entry, this.options.rebuildPageSize);
    });
    return entry.building;
  }

  /** rebuilds every site's model, one after the other, every `intervalMs` until `stop` */
  startRebuilding(intervalMs: number): void {
    clearInterval(this.rebuildTimer);
    this.rebuildTimer = setInterval(() => {
      this.rebuildRound ??= this.rebuildEverySite().finally(() => (this.rebuildRound = undefined));
    }, intervalMs);
    this.rebuildTimer.unref();
  }

  private async rebuildEverySite(): Promise<void> {
    for (const [siteId, entry] of this.sites) {
      if (!entry.model || this.stopped) continue;
      try {
        await this.rebuild(siteId);
      } catch (error) {
        // the old model keeps serving; the other sites are still rebuilt
        if (!this.stopped) console.error(`recommendations: rebuild of site ${siteId} failed`, error);
      }
    }
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
      if (entry.building) entry.buffer.push({ visitorId, event });
      if (entry.model) {
        if (entry.learnedLately.has(event.eventId)) continue; // a catch-up read it first
        // only events a catch-up or a build reads can come again
        if (learnedEventNames.has(event.name)) remember(entry.learnedLately, event.eventId);
        entry.model.learn(visitorId, event);
      }
    }
  }

  /**
   * Learns what other instances stored: every site's events committed since the last read that this
   * instance has not learned through `ingest`. A read of the table's end; run it every few seconds when
   * several instances share one database (main.ts does, every SHOPLOOP_RECS_CATCH_UP_MS).
   */
  async catchUp(): Promise<number> {
    let learned = 0;
    for (const [siteId, entry] of this.sites) {
      if (!entry.model) continue;
      entry.catchingUp ??= this.catchUpSite(siteId, entry)
        .then((n) => void (learned += n))
        .finally(() => (entry.catchingUp = undefined));
      await entry.catchingUp;
    }
    return learned;
  }

  /** runs `catchUp` every `intervalMs` until `stop` */
  startCatchingUp(intervalMs: number): void {
    clearInterval(this.catchUpTimer);
    this.catchUpTimer = setInterval(() => {
      this.catchUp().catch((error: unknown) => console.error('recommendations: catch-up failed', error));
    }, intervalMs);
    this.catchUpTimer.unref();
  }

  /**
   * Stops the catch-up and rebuild timers and waits for reads under way: a build gives up at its next turn (the
   * old model, if any, stays), a catch-up finishes. Call before closing the database.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.catchUpTimer);
    clearInterval(this.rebuildTimer);
    this.catchUpTimer = this.rebuildTimer = undefined;
    const reads = [...this.sites.values()].flatMap((e) => [e.building, e.catchingUp]);
    await Promise.allSettled([this.rebuildRound, ...reads]);
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
    const context = { model, visitorId: req.visitorId, item: req.item, category: req.category, cart, now: this.clock.now() / 1000 };
    if (req.scenario !== 'auto') return { recId: newRecId(), scenario: req.scenario, items: this.pick(req.scenario, req, context) };
    const scenario = scenarioForStage(req.person.stage, { item: req.item !== undefined, cart: cart.length > 0 });
    const items = this.pick(scenario, req, context);
    // a loyal buyer with nothing due gets their own picks rather than an empty block
    if (scenario === 'replenish' && items.length === 0) return { recId: newRecId(), scenario: 'for-you', items: this.pick('for-you', req, context) };
    return { recId: newRecId(), scenario, items };
  }

  async boughtBy(siteId: string, visitorId: string): Promise<ReadonlyMap<string, number> | undefined> {
    return (await this.model(siteId)).visitors.peek(visitorId)?.bought;
  }

  /** one scenario's list after the hard exclusions, topped up from popularity; empty when below `min` */
  private pick(scenario: ServedScenario, req: RecommendRequest, context: Omit<ScenarioContext, 'want'>): RecProduct[] {
    const { model, cart } = context;
    const visitor = model.visitors.peek(req.visitorId);
    // hard exclusions: the page's item, the cart (except when the cart is the point), what was bought
    // (except when buying it again is the point)
    const exclude = new Set<string>(scenario === 'replenish' ? [] : (visitor?.bought.keys() ?? []));
    if (req.item !== undefined) exclude.add(req.item);
    if (scenario !== 'abandoned-cart') for (const item of cart) exclude.add(item);
    // and, always, what the person rated 2 stars or fewer
    for (const item of req.person.disliked ?? []) exclude.add(item);

    const picker = new Picker(req.limit, model.products, exclude);
    picker.offerAll(candidates(scenario, { ...context, want: 2 * req.limit + exclude.size }));
    // the visitor's own lists stay theirs, and "popular in a category" stays in it; the rest are topped up
    if (!ownItemsOnly.has(scenario)) {
      if (req.category !== undefined) picker.fillFrom(model.popularityOf(req.category));
      if (!(scenario === 'popular' && req.category !== undefined)) picker.fillFrom(model.popularity);
    }
    const taken = picker.taken.length >= req.min ? picker.taken : [];
    return taken.map((id) => model.products.get(id)!);
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
    if (!entry) {
      entry = { model: undefined, building: undefined, buffer: [], refreshing: undefined, readUpTo: 0, learnedLately: new Map(), catchingUp: undefined };
      this.sites.set(siteId, entry);
    }
    return entry;
  }

  private async catchUpSite(siteId: string, entry: SiteEntry): Promise<number> {
    // a rebuild reads the table itself, from a seq of its own; a catch-up now would move that seq past events
    // the new model has not read
    if (entry.building) return 0;
    const model = entry.model!;
    const began = Date.now();
    const until = await newestSeq(this.db);
    let learned = 0;
    let newProducts = false;
    for (;;) {
      const rows = await eventsBetween(this.db, siteId, entry.readUpTo, until, this.options.pageSize);
      for (const { visitorId, event } of rows) {
        if (entry.learnedLately.has(event.eventId)) continue; // this instance stored it and learned it then
        remember(entry.learnedLately, event.eventId);
        model.learn(visitorId, event);
        learned++;
        newProducts ||= event.items.some((i) => !model.products.get(i.itemId));
      }
      if (rows.length < this.options.pageSize) break;
      entry.readUpTo = rows.at(-1)!.seq;
    }
    entry.readUpTo = Math.max(entry.readUpTo, until);
    // whatever was learned before this read began was committed before it, so this read has passed it
    forgetBefore(entry.learnedLately, began);
    // the other instance's writer stored the products these events brought
    if (newProducts) await this.refreshProducts(siteId);
    return learned;
  }

  /**
   * `building` for the duration of `run`, with an empty buffer from now on: what an earlier build left (one
   * that failed, or an ingest between a swap and its `building` clearing) is in the table or the old model.
   */
  private startBuild(entry: SiteEntry, run: () => Promise<SiteModel>): Promise<SiteModel> {
    entry.buffer = [];
    return run().finally(() => {
      entry.building = undefined;
      entry.buffer = [];
    });
  }

  private async build(siteId: string, entry: SiteEntry, pageSize = this.options.pageSize): Promise<SiteModel> {
    const startedAt = this.clock.now();
    // the next catch-up reads what was committed after this seq, and must skip what the build read of it
    const snapshot = (entry.readUpTo = await newestSeq(this.db));
    const model = new SiteModel(this.options);
    // products first: events without a category take the catalog's
    await model.products.load(this.db, siteId, startedAt);
    // ids the build read that a catch-up or the buffer may bring again, and the buffer's own
    const mayComeAgain = new Set<string>();
    const since = startedAt - this.options.windowDays * DAY_MS;
    let lastTurn = performance.now();
    for await (const { seq, visitorId, event } of windowEvents(this.db, siteId, { since, maxEvents: this.options.maxEvents, pageSize })) {
      model.learn(visitorId, event);
      // past the snapshot: the next catch-up reads it; received lately: it may also be in the buffer
      if (seq > snapshot || event.receivedAt >= startedAt - BUILD_OVERLAP_MS) mayComeAgain.add(event.eventId);
      // a rebuild runs beside live traffic: requests get in between stretches of learning
      if (performance.now() - lastTurn > LEARN_SLICE_MS) {
        await setImmediate();
        if (this.stopped) throw new Error('recommendations: stopped during a build');
        lastTurn = performance.now();
      }
    }
    await model.products.load(this.db, siteId, this.clock.now());
    // what was ingested while the table was read, unless the read found it too (a rebuild's old model has
    // learned all of it, so `learnedLately` cannot tell)
    for (const { visitorId, event } of entry.buffer) {
      if (mayComeAgain.has(event.eventId)) continue;
      mayComeAgain.add(event.eventId);
      model.learn(visitorId, event);
    }
    for (const id of mayComeAgain) remember(entry.learnedLately, id);
    entry.buffer = [];
    entry.model = model;
    return model;
  }
}

/**
 * A catch-up runs every few seconds and forgets what it has passed; without one (a single instance, tests)
 * ids older than this are forgotten as new ones arrive, so the map never outgrows a minute of events.
 */
const REMEMBER_MS = 60_000;

function remember(learned: Map<string, number>, eventId: string): void {
  const now = Date.now();
  learned.delete(eventId); // set again at the end, so the map stays in time order
  learned.set(eventId, now);
  forgetBefore(learned, now - REMEMBER_MS);
}

/** Drops the ids remembered before `time`: a Map iterates in insertion order, the oldest first. */
function forgetBefore(learned: Map<string, number>, time: number): void {
  for (const [id, at] of learned) {
    if (at >= time) break;
    learned.delete(id);
  }
}

const newRecId = () => `r_${randomBytes(12).toString('base64url')}`;
