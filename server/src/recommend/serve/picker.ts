import type { PopularityRecommender } from '../popularity.ts';
import type { ProductLookup } from './product-lookup.ts';

/** a popularity ranking keeps its leaders sorted; asking far beyond them costs a sort of every item */
const MAX_ASK = 200;

/**
 * Collects a recommendation list: every candidate passes the hard exclusions (the request's set, plus
 * unsellable or hidden products) and duplicates are dropped, until `limit` items are taken.
 */
export class Picker {
  readonly taken: string[] = [];
  /** everything already looked at, so popularity fill never offers an item twice */
  private readonly seen: Set<string>;

  constructor(
    private readonly limit: number,
    private readonly products: ProductLookup,
    exclude: ReadonlySet<string>,
  ) {
    this.seen = new Set(exclude);
  }

  get full(): boolean {
    return this.taken.length >= this.limit;
  }

  offer(itemId: string): void {
    if (this.full || this.seen.has(itemId)) return;
    this.seen.add(itemId);
    if (this.products.isRecommendable(itemId)) this.taken.push(itemId);
  }

  offerAll(itemIds: Iterable<string>): void {
    for (const itemId of itemIds) {
      if (this.full) return;
      this.offer(itemId);
    }
  }

  /**
   * Tops the list up from a popularity ranking. Each round asks for more than is missing, since some leaders
   * may be out of stock; three rounds bound the work when most of the catalog is unsellable.
   */
  fillFrom(popularity: PopularityRecommender | undefined): void {
    if (!popularity) return;
    for (let round = 0, ask = 2 * this.limit; round < 3 && !this.full; round++, ask = Math.min(4 * ask, MAX_ASK)) {
      const before = this.seen.size;
      this.offerAll(popularity.top(ask, this.seen).map((r) => r.itemId));
      if (this.seen.size === before) return; // popularity has nothing left to offer
    }
  }
}
