import { dueForRepurchase } from './repeat-intervals.ts';
import { CATEGORY_LEADERS, sessionKey, type SiteModel } from './site-model.ts';

/** The lists a request can ask for; `auto` lets the visitor's stage choose one of the others. */
export const requestScenarios = ['auto', 'popular', 'similar', 'also-bought', 'for-you', 'recently-viewed', 'replenish', 'win-back'] as const;
export type RequestScenario = (typeof requestScenarios)[number];
/** What a response says it served: `auto` resolved, plus the at-risk cart reminder only `auto` chooses. */
export type ServedScenario = Exclude<RequestScenario, 'auto'> | 'abandoned-cart';

export interface ScenarioContext {
  model: SiteModel;
  visitorId: string;
  item: string | undefined;
  category: string | undefined;
  /** the person's cart now (this device's events plus the lifecycle's cross-device facts) */
  cart: readonly string[];
  /** unix seconds, as the session recommender's recency decay expects */
  now: number;
  /** how many candidates a model is asked for: the limit plus room for exclusions */
  want: number;
}

/** Lists that show only the visitor's own items: never topped up with best sellers. */
export const ownItemsOnly: ReadonlySet<ServedScenario> = new Set(['recently-viewed', 'replenish']);

/** Candidates in rank order, before exclusions; each is bounded by `want` or a model's own caps. */
export function candidates(scenario: ServedScenario, c: ScenarioContext): string[] {
  switch (scenario) {
    case 'popular':
      return popular(c);
    case 'similar':
      return c.item === undefined ? [] : similar(c, c.item);
    case 'also-bought':
      return alsoBought(c, c.item !== undefined ? [c.item] : c.cart);
    case 'for-you':
      return forYou(c);
    case 'recently-viewed':
      return [...(c.model.visitors.peek(c.visitorId)?.recent ?? [])].reverse();
    case 'abandoned-cart':
      return [...c.cart, ...c.cart.slice(0, 3).flatMap((item) => similar(c, item))];
    case 'replenish': {
      const v = c.model.visitors.peek(c.visitorId);
      return v ? dueForRepurchase(v.bought, c.model.repeats, c.now * 1000) : [];
    }
    case 'win-back':
      return winBack(c);
  }
}

function popular(c: ScenarioContext): string[] {
  const list = c.category !== undefined ? c.model.popularityOf(c.category) : c.model.popularity;
  return (list?.top(c.want) ?? []).map((r) => r.itemId);
}

/** items co-viewed with `item` (the session model seeded with it), then its category: same brand, near price */
function similar(c: ScenarioContext, item: string): string[] {
  const coViewed = c.model.session.recommend([item], { limit: c.want, now: c.now }).filter((r) => r.score > 0).map((r) => r.itemId);
  const product = c.model.products.get(item);
  if (!product?.category) return coViewed;
  const sameCategory = (c.model.popularityOf(product.category)?.top(Math.min(4 * c.want, CATEGORY_LEADERS)) ?? []).map((r) => r.itemId);
  const closeness = (id: string): number => {
    const p = c.model.products.get(id);
    let score = 0;
    if (product.brand && p?.brand === product.brand) score += 2;
    if (product.price && p?.price && p.price >= product.price / 1.5 && p.price <= product.price * 1.5) score += 1;
    return score;
  };
  // each leader scored once; ties keep popularity order
  const scored = sameCategory.map((id, rank) => ({ id, rank, score: closeness(id) }));
  scored.sort((a, b) => b.score - a.score || a.rank - b.rank);
  return [...coViewed, ...scored.map((s) => s.id)];
}

/** partners bought together with the seeds (weight 2) or carted together in a session (weight 1) */
function alsoBought(c: ScenarioContext, seeds: readonly string[]): string[] {
  const score = new Map<string, number>();
  for (const seed of seeds.slice(0, 20)) {
    for (const [item, n] of c.model.coBought.of(seed)) score.set(item, (score.get(item) ?? 0) + 2 * n);
    for (const [item, n] of c.model.coCarted.of(seed)) score.set(item, (score.get(item) ?? 0) + n);
  }
  return [...score].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, c.want).map(([item]) => item);
}

/**
 * The session recommender over the visitor's recent views, its current session last (newest weighs most).
 * The model's reminders of those views are left out: `recently-viewed` is the block that shows them.
 */
function forYou(c: ScenarioContext): string[] {
  const v = c.model.visitors.peek(c.visitorId);
  if (!v || v.recent.length === 0) return [];
  const seen = new Set(v.recent);
  return c.model.session
    .recommend(v.recent, { limit: c.want + seen.size, now: c.now, sessionId: sessionKey(c.visitorId, v.sessionId), exclude: seen })
    .filter((r) => r.score > 0)
    .map((r) => r.itemId);
}

/**
 * For someone who has gone quiet: their whole remembered taste (purchases, then views, newest last) rather
 * than a session that ended weeks ago, then the best sellers of the categories they cared about most.
 */
function winBack(c: ScenarioContext): string[] {
  const v = c.model.visitors.peek(c.visitorId);
  if (!v) return [];
  const seeds = [...new Set([...v.bought.keys(), ...v.recent])];
  if (seeds.length === 0) return [];
  const seen = new Set(seeds);
  const picks = c.model.session
    .recommend(seeds.slice(-c.model.visitors.limits.maxItems), { limit: c.want + seen.size, now: c.now, exclude: seen })
    .filter((r) => r.score > 0)
    .map((r) => r.itemId);
  const categoryCounts = new Map<string, number>();
  for (const item of seeds) {
    const category = c.model.products.get(item)?.category;
    if (category) categoryCounts.set(category, (categoryCounts.get(category) ?? 0) + 1);
  }
  const favourites = [...categoryCounts].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const fromFavourites = favourites.flatMap(([category]) => (c.model.popularityOf(category)?.top(c.want) ?? []).map((r) => r.itemId));
  return [...picks, ...fromFavourites];
}
