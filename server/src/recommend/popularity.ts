import { IdTable } from './id-table.ts';
import type { Click, RecommendOptions, Recommendation, Recommender } from './types.ts';

export interface PopularityOptions {
  /**
   * Half-life of a click's weight, in the unit of `Click.time`; omit to count every click the same. Decay uses
   * forward decay (weights grow with event time instead of shrinking with query time), so the ranking never
   * depends on when it is read and never needs a rescan as the clock moves.
   */
  halfLife?: number;
  /** how many leaders are kept sorted at all times; longer requests (limit + exclusions) fall back to a sort */
  leaderCapacity?: number;
}

// weights are 2^((time - landmark) / halfLife); past this exponent the landmark moves forward to stay finite
const MAX_EXPONENT = 500;

/**
 * Most-clicked items: the baseline every other recommender must beat, and the filler when a session gives
 * the kNN too little to go on. A click only ever raises an item's weight, so the leader list can be kept
 * exact by moving the clicked item up, never by re-sorting.
 */
export class PopularityRecommender implements Recommender {
  private readonly items = new IdTable();
  private readonly weights: number[] = [];
  private readonly leaders: number[] = [];
  /** position of an item in `leaders`, -1 when it is not a leader */
  private readonly leaderPosition: number[] = [];
  private readonly halfLife: number | undefined;
  private readonly leaderCapacity: number;
  private landmark: number | undefined;

  constructor(options: PopularityOptions = {}) {
    if (options.halfLife !== undefined && !(options.halfLife > 0)) throw new RangeError('halfLife must be > 0');
    this.halfLife = options.halfLife;
    this.leaderCapacity = options.leaderCapacity ?? 1000;
  }

  get itemCount(): number {
    return this.items.size;
  }

  /** counts a click; `times` counts it as that many clicks at once (a cart add or a sale says more than a look) */
  addClick(click: Click, times = 1): void {
    const item = this.items.intern(click.itemId);
    if (item === this.weights.length) {
      this.weights.push(0);
      this.leaderPosition.push(-1);
    }
    this.weights[item] = (this.weights[item] ?? 0) + times * this.weightAt(click.time);
    this.promote(item);
  }

  recommend(_sessionItems: readonly string[], options: RecommendOptions): Recommendation[] {
    return this.top(options.limit, options.exclude);
  }

  /** the `limit` most popular items not in `exclude`, scored relative to the most popular item */
  top(limit: number, exclude?: ReadonlySet<string>): Recommendation[] {
    const first = this.leaders[0];
    if (first === undefined || limit <= 0) return [];
    const best = this.weights[first] ?? 1;
    const result: Recommendation[] = [];
    const ranking = this.leaders.length < this.items.size && limit + (exclude?.size ?? 0) > this.leaders.length
      ? this.fullRanking()
      : this.leaders;
    for (const item of ranking) {
      const itemId = this.items.idOf(item);
      if (exclude?.has(itemId)) continue;
      result.push({ itemId, score: (this.weights[item] ?? 0) / best });
      if (result.length === limit) break;
    }
    return result;
  }

  private weightAt(time: number): number {
    if (this.halfLife === undefined) return 1;
    this.landmark ??= time;
    let exponent = (time - this.landmark) / this.halfLife;
    if (exponent > MAX_EXPONENT) {
      this.rebase(time);
      exponent = 0;
    }
    return 2 ** exponent;
  }

  /** moves the landmark to `time`; scaling every weight by one factor keeps the order, so leaders stay valid */
  private rebase(time: number): void {
    const factor = 2 ** (-(time - (this.landmark ?? time)) / (this.halfLife ?? 1));
    for (let i = 0; i < this.weights.length; i++) this.weights[i] = (this.weights[i] ?? 0) * factor;
    this.landmark = time;
  }

  /** true when item a ranks before item b: heavier first, then the one seen first */
  private before(a: number, b: number): boolean {
    const wa = this.weights[a] ?? 0;
    const wb = this.weights[b] ?? 0;
    return wa > wb || (wa === wb && a < b);
  }

  private promote(item: number): void {
    let position = this.leaderPosition[item] ?? -1;
    if (position === -1) {
      if (this.leaders.length < this.leaderCapacity) {
        position = this.leaders.length;
        this.leaders.push(item);
      } else {
        position = this.leaders.length - 1;
        const last = this.leaders[position];
        if (last === undefined || !this.before(item, last)) return;
        this.leaderPosition[last] = -1;
        this.leaders[position] = item;
      }
    }
    while (position > 0) {
      const above = this.leaders[position - 1] as number;
      if (!this.before(item, above)) break;
      this.leaders[position] = above;
      this.leaderPosition[above] = position;
      position--;
    }
    this.leaders[position] = item;
    this.leaderPosition[item] = position;
  }

  private fullRanking(): number[] {
    const all = Array.from({ length: this.items.size }, (_, i) => i);
    return all.sort((a, b) => (this.before(a, b) ? -1 : this.before(b, a) ? 1 : 0));
  }
}
