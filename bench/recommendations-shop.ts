import type { CollectEvent } from '../server/src/collect/schema.ts';
import { seededRandom } from '../server/src/lifecycle/models/numeric/random.ts';

/**
 * A synthetic shop for the recommendations bench, deterministic for a given size: a catalog whose popularity is
 * Zipf-like (a few best sellers, a long tail that still gets seen), categories of very different sizes with
 * brands clustered inside them, and visitors whose sessions wander mostly within a category, add some views to
 * the cart and sometimes buy. RSC15 in ../shared/data has only 3k items and 100k clicks, too few for this size.
 */
export interface ShopSize {
  products: number;
  events: number;
  visitors: number;
  days: number;
}

export const KIND = ['view_item', 'add_to_cart', 'remove_from_cart', 'purchase'] as const;
const VIEW = 0;
const CART = 1;
const REMOVE = 2;
const PURCHASE = 3;

/** deterministic pseudo-random numbers, and the draws the synthetic shop makes from them */
export function randomSource(seed: number) {
  const random = seededRandom(seed);
  /** Zipf(1)-like rank in 0..n-1: log-uniform, so rank r is drawn with probability about 1/((r+1) ln n) */
  const zipf = (n: number) => Math.min(n - 1, Math.floor(Math.exp(random() * Math.log(n + 1)) - 1));
  const below = (n: number) => Math.floor(random() * n);
  /** a unique event id: time in base 36, a dash, random base-36 digits */
  const newId = (ms: number) => `${ms.toString(36)}-${random().toString(36).slice(2, 13)}`;
  return { random, zipf, below, newId };
}

export interface Catalog {
  size: number;
  /** product index of each popularity rank (best seller first) */
  byRank: Int32Array;
  category: Int32Array;
  brand: Int32Array;
  price: Float64Array;
  /** each category's products, best seller first */
  categoryProducts: Int32Array[];
}

const CATEGORIES = 250;

export const productId = (p: number) => `P${String(p).padStart(6, '0')}`;
export const categoryName = (c: number) => `Category ${c}`;
const brandName = (b: number) => `Brand ${b}`;

export function makeCatalog(size: number): Catalog {
  const r = randomSource(7);
  const byRank = Int32Array.from({ length: size }, (_, i) => i);
  for (let i = size - 1; i > 0; i--) {
    const j = r.below(i + 1);
    [byRank[i], byRank[j]] = [byRank[j]!, byRank[i]!];
  }
  const category = new Int32Array(size);
  const brand = new Int32Array(size);
  const price = new Float64Array(size);
  for (let p = 0; p < size; p++) {
    const c = r.zipf(CATEGORIES); // a few large categories, many small ones
    category[p] = c;
    brand[p] = c * 8 + r.below(8); // brands live within a category
    price[p] = Math.round(Math.exp(2.5 + r.random() * 2.5)) - 0.01; // 11 … 148
  }
  const lists: number[][] = Array.from({ length: CATEGORIES }, () => []);
  for (let rank = 0; rank < size; rank++) lists[category[byRank[rank]!]!]!.push(byRank[rank]!);
  return { size, byRank, category, brand, price, categoryProducts: lists.map((l) => Int32Array.from(l)) };
}

/** What a product page's JSON-LD gives the tracker for one item. */
export function itemOf(c: Catalog, p: number) {
  const id = productId(p);
  return {
    item_id: id,
    item_name: `Product ${id}`,
    price: c.price[p]!,
    currency: 'GBP',
    quantity: 1,
    item_category: categoryName(c.category[p]!),
    item_brand: brandName(c.brand[p]!),
    url: `https://shop.bench/p/${id}`,
    image: `https://shop.bench/img/${id}.jpg`,
    availability: 'in_stock' as const,
  };
}

export function productRow(c: Catalog, p: number, siteId: string, at: number) {
  const i = itemOf(c, p);
  return [siteId, i.item_id, i.item_name, i.price, i.currency, i.image, i.url, i.item_category, i.item_brand, i.availability, 0, at, at];
}

/** Events as parallel arrays in receipt order; purchase events point into `baskets`. */
export interface EventLog {
  count: number;
  time: Float64Array;
  visitor: Int32Array;
  session: Int32Array;
  kind: Uint8Array;
  /** the product, or for a purchase the basket's index */
  item: Int32Array;
  baskets: Int32Array[];
  visitorIds: string[];
  sessionIds: string[];
  eventIds: string[];
}

/** One visitor's browsing: sessions that stay near a category, some cart adds, sometimes a purchase. */
function browser(c: Catalog, r: ReturnType<typeof randomSource>) {
  const firstItem = () => (r.random() < 0.75 ? c.byRank[r.zipf(c.size)]! : r.below(c.size));
  const nextItem = (seen: number[]) => {
    const x = r.random();
    if (x < 0.15) return seen[r.below(seen.length)]!; // back to an earlier product
    if (x < 0.75) {
      const list = c.categoryProducts[c.category[seen.at(-1)!]!]!;
      return list[r.zipf(list.length)]!;
    }
    return firstItem();
  };
  /** calls `emit(kind, item or basket, offset ms)` for one session; `cart` is the visitor's cart, kept across sessions */
  return (cart: number[], emit: (kind: number, item: number | number[], offsetMs: number) => void) => {
    const views = 1 + Math.floor(-Math.log(1 - r.random()) * 4); // geometric, mean 5
    const seen: number[] = [];
    let offset = 0;
    for (let v = 0; v < Math.min(views, 40); v++) {
      const item = seen.length === 0 ? firstItem() : nextItem(seen);
      seen.push(item);
      emit(VIEW, item, offset);
      offset += 10_000 + r.below(110_000);
      if (r.random() < 0.1 && !cart.includes(item)) {
        cart.push(item);
        emit(CART, item, offset);
        offset += 5_000 + r.below(30_000);
      }
    }
    if (cart.length > 1 && r.random() < 0.1) {
      emit(REMOVE, cart.shift()!, offset);
      offset += 5_000;
    }
    if (cart.length > 0 && r.random() < 0.35) {
      emit(PURCHASE, cart.splice(0, cart.length).slice(0, 10), offset + 60_000);
    }
  };
}

/**
 * `size.events` events over the `size.days` before `now`: every visitor gets one session, the rest go to
 * returning visitors (the first visitors more often), each session's events a few seconds to two minutes apart.
 */
export function makeEvents(c: Catalog, size: ShopSize, now: number): EventLog {
  const r = randomSource(11);
  const session = browser(c, r);
  const start = now - size.days * 86_400_000;
  const end = now - 5 * 60_000;
  const n = size.events;
  const log = {
    time: new Float64Array(n), visitor: new Int32Array(n), session: new Int32Array(n), kind: new Uint8Array(n), item: new Int32Array(n),
  };
  const baskets: Int32Array[] = [];
  const carts: number[][] = Array.from({ length: size.visitors }, () => []);
  const sessionStarts: number[] = [];
  const sessionVisitor: number[] = [];
  let count = 0;
  for (let s = 0; count < n; s++) {
    const visitor = s < size.visitors ? s : Math.floor(r.random() ** 2 * size.visitors);
    const at = start + r.random() * (end - start);
    sessionStarts.push(at);
    sessionVisitor.push(visitor);
    session(carts[visitor]!, (kind, item, offset) => {
      if (count >= n) return;
      log.time[count] = Math.min(now, Math.round(at + offset));
      log.visitor[count] = visitor;
      log.session[count] = s;
      log.kind[count] = kind;
      if (typeof item === 'number') log.item[count] = item;
      else {
        log.item[count] = baskets.length;
        baskets.push(Int32Array.from(item));
      }
      count++;
    });
  }
  // receipt order: the events table's seq follows it
  const order = new Uint32Array(count).map((_, i) => i).sort((a, b) => log.time[a]! - log.time[b]! || a - b);
  const sorted = {
    time: new Float64Array(count), visitor: new Int32Array(count), session: new Int32Array(count), kind: new Uint8Array(count), item: new Int32Array(count),
  };
  for (let i = 0; i < count; i++) {
    const j = order[i]!;
    sorted.time[i] = log.time[j]!;
    sorted.visitor[i] = log.visitor[j]!;
    sorted.session[i] = log.session[j]!;
    sorted.kind[i] = log.kind[j]!;
    sorted.item[i] = log.item[j]!;
  }
  const visitorIds = Array.from({ length: size.visitors }, () => '');
  const sessionIds = sessionStarts.map((at) => r.newId(Math.round(at)));
  for (let v = 0; v < size.visitors; v++) visitorIds[v] = r.newId(start + v);
  const eventIds = Array.from(sorted.time, (t) => r.newId(t));
  return { count, ...sorted, baskets, visitorIds, sessionIds, eventIds };
}

/** The validated params the collector stores (as JSON) for event `i`. */
export function paramsOf(c: Catalog, log: EventLog, i: number): { items: Array<ReturnType<typeof itemOf>>; value?: number; currency?: string; transaction_id?: string } {
  if (log.kind[i] !== PURCHASE) return { items: [itemOf(c, log.item[i]!)] };
  const items = [...log.baskets[log.item[i]!]!].map((p) => itemOf(c, p));
  const value = Math.round(items.reduce((sum, it) => sum + it.price, 0) * 100) / 100;
  return { items, value, currency: 'GBP', transaction_id: `t-${log.eventIds[i]}` };
}

/**
 * Fresh batches as the collector hands them to `ingest` after a commit: new sessions now, mostly of known
 * visitors (a few new ones), 1–10 events a batch as the tracker sends them.
 */
export function freshBatches(c: Catalog, visitorIds: readonly string[], events: number, now: number): Array<{ visitorId: string; events: CollectEvent[] }> {
  const r = randomSource(13);
  const session = browser(c, r);
  const batches: Array<{ visitorId: string; events: CollectEvent[] }> = [];
  let count = 0;
  for (let s = 0; count < events; s++) {
    const visitorId = r.random() < 0.9 ? visitorIds[r.below(visitorIds.length)]! : r.newId(now + s);
    const sid = r.newId(now + s);
    let batch: CollectEvent[] = [];
    session([], (kind, item, offset) => {
      if (count >= events) return;
      const ts = now + offset;
      const items = (typeof item === 'number' ? [item] : item).map((p) => itemOf(c, p));
      const params = KIND[kind] === 'purchase'
        ? { items, value: items.reduce((sum, it) => sum + it.price, 0), currency: 'GBP', transaction_id: `t-${sid}` }
        : { items };
      batch.push({ id: r.newId(ts), name: KIND[kind]!, ts, sid, url: items[0]!.url, params });
      count++;
      if (batch.length >= 1 + r.below(10)) {
        batches.push({ visitorId, events: batch });
        batch = [];
      }
    });
    if (batch.length > 0) batches.push({ visitorId, events: batch });
  }
  return batches;
}

/** The scenarios the latency runs mix, in equal shares. */
export const MIX = ['auto', 'popular', 'similar', 'also-bought', 'for-you', 'recently-viewed'] as const;
export type MixScenario = (typeof MIX)[number];

export interface BenchRequest {
  scenario: MixScenario;
  visitor: string;
  item?: string;
  category?: string;
}

/**
 * Requests of random known visitors, the scenarios in turn. Pages name products as shoppers view them (by
 * popularity): every `similar` and `also-bought`, half of `auto` (a product page), half of `popular` (its
 * category's best sellers).
 */
export function requestMix(c: Catalog, visitorIds: readonly string[], seed = 17): (i: number) => BenchRequest {
  const r = randomSource(seed);
  return (i) => {
    const scenario = MIX[i % MIX.length]!;
    const visitor = visitorIds[r.below(visitorIds.length)]!;
    const product = c.byRank[r.zipf(c.size)]!;
    const half = r.random() < 0.5;
    switch (scenario) {
      case 'similar':
      case 'also-bought':
        return { scenario, visitor, item: productId(product) };
      case 'auto':
        return half ? { scenario, visitor, item: productId(product) } : { scenario, visitor };
      case 'popular':
        return half ? { scenario, visitor, category: categoryName(c.category[product]!) } : { scenario, visitor };
      default:
        return { scenario, visitor };
    }
  };
}

export function recommendationsPath(siteKey: string, req: BenchRequest): string {
  const q = new URLSearchParams({ site: siteKey, visitor: req.visitor, scenario: req.scenario });
  if (req.item !== undefined) q.set('item', req.item);
  if (req.category !== undefined) q.set('category', req.category);
  return `/v1/recommendations?${q}`;
}
