import { PopularityRecommender } from '../popularity.ts';
import { SessionRecommender, type SessionRecommenderOptions } from '../session-recommender.ts';
import { CoCounts } from './co-counts.ts';
import { ProductLookup } from './product-lookup.ts';
import type { RecEvent } from './rec-event.ts';
import { RepeatIntervals } from './repeat-intervals.ts';
import { VisitorHistory, type VisitorLimits } from './visitor-history.ts';

export interface SiteModelOptions {
  session: Partial<SessionRecommenderOptions>;
  /** popularity half-life in seconds */
  popularityHalfLife: number;
  visitors: VisitorLimits;
}

const CLICKS = new Set(['view_item', 'select_item', 'add_to_cart']);
/** how much one event adds to an item's popularity: a cart or a sale says more than a look */
const POPULARITY_WEIGHT: Record<string, number> = { view_item: 1, select_item: 1, add_to_cart: 2, purchase: 3 };
/** categories keep a shorter leader list than the site: they are many and each is asked for a few items */
export const CATEGORY_LEADERS = 200;

/** A session id unique across visitors: the tracker's session id is only unique per browser. */
export const sessionKey = (visitorId: string, sessionId: string) => `${visitorId} ${sessionId}`;

/**
 * Everything one site's recommendations are computed from, learned one event at a time in `seq` order, so a
 * model rebuilt from the events table and one fed live are the same model.
 */
export class SiteModel {
  readonly session: SessionRecommender;
  readonly popularity: PopularityRecommender;
  readonly categoryPopularity = new Map<string, PopularityRecommender>();
  readonly coBought = new CoCounts();
  readonly coCarted = new CoCounts();
  readonly repeats = new RepeatIntervals();
  readonly visitors: VisitorHistory;
  readonly products = new ProductLookup();
  newestTime = 0;

  constructor(private readonly options: SiteModelOptions) {
    this.session = new SessionRecommender(options.session);
    this.popularity = new PopularityRecommender({ halfLife: options.popularityHalfLife });
    this.visitors = new VisitorHistory(options.visitors);
  }

  learn(visitorId: string, e: RecEvent): void {
    const time = e.receivedAt / 1000;
    this.newestTime = Math.max(this.newestTime, time);
    const v = this.visitors.touch(visitorId, e.sessionId);
    const sessionId = sessionKey(visitorId, e.sessionId);
    const weight = POPULARITY_WEIGHT[e.name] ?? 0;
    for (const { itemId, category } of e.items) {
      if (CLICKS.has(e.name)) {
        this.session.addClick({ sessionId, itemId, time });
        this.visitors.viewed(v, itemId);
      }
      if (weight > 0) this.addPopularity(itemId, category ?? this.products.get(itemId)?.category ?? undefined, time, weight);
    }
    switch (e.name) {
      case 'add_to_cart':
        for (const { itemId } of e.items) {
          v.cart.set(itemId, (v.cart.get(itemId) ?? 0) + 1);
          this.coCarted.addTo(itemId, v.sessionCart);
          v.sessionCart.add(itemId);
        }
        break;
      case 'remove_from_cart':
        for (const { itemId } of e.items) {
          const left = (v.cart.get(itemId) ?? 0) - 1;
          if (left > 0) v.cart.set(itemId, left);
          else v.cart.delete(itemId);
        }
        break;
      case 'purchase':
        this.coBought.addBasket(e.items.map((i) => i.itemId).slice(0, 20));
        for (const { itemId } of e.items) {
          const before = this.visitors.bought(v, itemId, e.receivedAt);
          if (before !== undefined) this.repeats.addRepeat(itemId, before, e.receivedAt);
        }
        v.cart.clear();
        break;
    }
  }

  /** the category's popularity list, or undefined when nothing of that category was seen */
  popularityOf(category: string): PopularityRecommender | undefined {
    return this.categoryPopularity.get(category);
  }

  private addPopularity(itemId: string, category: string | undefined, time: number, weight: number): void {
    const click = { sessionId: '', itemId, time };
    this.popularity.addClick(click, weight);
    if (!category) return;
    let list = this.categoryPopularity.get(category);
    if (!list) {
      list = new PopularityRecommender({ halfLife: this.options.popularityHalfLife, leaderCapacity: CATEGORY_LEADERS });
      this.categoryPopularity.set(category, list);
    }
    list.addClick(click, weight);
  }
}
