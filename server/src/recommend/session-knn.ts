import { type Decay, decayAt, positionWeight } from './decay.ts';
import { PopularityRecommender, type PopularityOptions } from './popularity.ts';
import { SessionIndex } from './session-index.ts';
import type { Click, RecommendOptions, Recommendation, Recommender } from './types.ts';

export interface SessionKnnOptions {
  /** neighbour sessions whose items are scored */
  k: number;
  /** most recent sessions sharing an item with the current one, among which the k neighbours are chosen */
  sampleSize: number;
  /** weight of the current session's clicks by position, the newest weighing most */
  positionWeight: Decay;
  /** discount of a neighbour by how far back (1 = last click) its most recent shared item is */
  matchWeight: Decay;
  /** `dot`: V-SKNN's weighted overlap / distinct items; `cosine`: STAN's weighted cosine */
  similarity: 'dot' | 'cosine';
  /** candidate score × (1 + idfWeight · ln(sessions / clicks of the item)); 0 turns IDF off */
  idfWeight: number;
  /** STAN λ_inh: discount a neighbour's item by e^(−d/λ), d its distance to the neighbour's last shared item */
  neighbourItemDecay?: number;
  /** STAN λ_snh in time units: discount a neighbour by e^(−age/λ); needs `now` when recommending */
  recencyDecay?: number;
  /** options of the popularity list that fills short lists */
  popularity?: PopularityOptions;
}

/** session-rec's V-SKNN configuration for RSC15 (example_next.yml): the published baseline. */
export const vsknnDefaults: Readonly<SessionKnnOptions> = {
  k: 500,
  sampleSize: 5000,
  positionWeight: 'quadratic',
  matchWeight: 'div',
  similarity: 'dot',
  idfWeight: 5,
};

export interface KnnRecommendOptions extends RecommendOptions {
  /** the current session's own id, so a session the index already holds is not its own neighbour */
  sessionId?: string;
  /** the time of the request, for `recencyDecay`; defaults to the newest click the model has seen */
  now?: number;
}

interface Neighbour {
  session: number;
  similarity: number;
  /** 0-based index of the newest click of the current session that the neighbour shares */
  lastSharedClick: number;
}

/**
 * Vector-multiplication session kNN (V-SKNN, Ludewig & Jannach 2018): the current session is a vector of
 * position-weighted items; among the most recent sessions sharing an item with it, the k most similar vote
 * for their items. Items scored by no neighbour are filled in from popularity.
 */
export class SessionKnn implements Recommender {
  readonly options: Readonly<SessionKnnOptions>;
  readonly index: SessionIndex;
  readonly popularity: PopularityRecommender;
  // per-request scratch indexed by item, reset after use so a request costs only what it touches
  private clickIndex = new Int32Array(0).fill(-1);
  private clickWeight = new Float64Array(0);
  private itemScore = new Float64Array(0);
  private itemScored = new Uint8Array(0);

  constructor(options: Partial<SessionKnnOptions> = {}) {
    this.options = { ...vsknnDefaults, ...options };
    if (!(this.options.k >= 1) || !(this.options.sampleSize >= 1)) throw new RangeError('k and sampleSize must be >= 1');
    this.index = new SessionIndex({ sessionsPerItem: this.options.sampleSize });
    this.popularity = new PopularityRecommender(this.options.popularity);
  }

  /** a model of `clicks` in time order (ties keep their input order), the same as adding them one by one */
  static fromClicks(clicks: readonly Click[], options: Partial<SessionKnnOptions> = {}): SessionKnn {
    const model = new SessionKnn(options);
    const order = clicks.map((_, i) => i).sort((a, b) => (clicks[a] as Click).time - (clicks[b] as Click).time || a - b);
    for (const i of order) model.addClick(clicks[i] as Click);
    return model;
  }

  addClick(click: Click): void {
    this.index.addClick(click);
    this.popularity.addClick(click);
  }

  recommend(sessionItems: readonly string[], options: KnnRecommendOptions): Recommendation[] {
    const { limit, exclude } = options;
    if (limit <= 0) return [];
    const result = this.rankByNeighbours(sessionItems, options).filter((r) => !exclude?.has(r.itemId));
    if (result.length > limit) return result.slice(0, limit);
    const taken = new Set(exclude);
    for (const r of result) taken.add(r.itemId);
    for (const filler of this.popularity.top(limit - result.length, taken)) result.push({ ...filler, score: 0 });
    return result;
  }

  /** every item some neighbour votes for, best first, scores scaled so the best is 1 */
  private rankByNeighbours(sessionItems: readonly string[], options: KnnRecommendOptions): Recommendation[] {
    const index = this.index;
    this.growScratch(index.items.size);
    const known = this.markSessionItems(sessionItems);
    try {
      if (known.items.length === 0) return [];
      const skipSession = options.sessionId === undefined ? -1 : index.sessions.lookup(options.sessionId);
      const neighbours = this.nearestNeighbours(known, skipSession, options.now ?? index.newestTime);
      const scored = this.scoreItems(neighbours, sessionItems.length);
      const clicks = index.itemClicks;
      scored.sort((a, b) => {
        const byScore = (this.itemScore[b] as number) - (this.itemScore[a] as number);
        return byScore || (clicks[b] as number) - (clicks[a] as number) || a - b;
      });
      const top = scored.length > 0 ? (this.itemScore[scored[0] as number] as number) : 0;
      const scale = top > 0 ? top : 1;
      const ranked = scored.map((item) => ({ itemId: index.items.idOf(item), score: (this.itemScore[item] as number) / scale }));
      for (const item of scored) {
        this.itemScore[item] = 0;
        this.itemScored[item] = 0;
      }
      return ranked;
    } finally {
      for (const item of known.items) {
        this.clickIndex[item] = -1;
        this.clickWeight[item] = 0;
      }
    }
  }

  /**
   * Writes each known item's position weight and newest click index into the scratch arrays. A repeated item
   * keeps its newest position, as in session-rec; unknown items still count towards the session's length.
   */
  private markSessionItems(sessionItems: readonly string[]): { items: number[]; distinct: number; squaredNorm: number } {
    const length = sessionItems.length;
    const items: number[] = [];
    const unknown = new Map<string, number>();
    sessionItems.forEach((itemId, i) => {
      const weight = positionWeight(this.options.positionWeight, i + 1, length);
      const item = this.index.items.lookup(itemId);
      if (item < 0) {
        unknown.set(itemId, weight);
        return;
      }
      if (this.clickIndex[item] === -1) items.push(item);
      this.clickIndex[item] = i;
      this.clickWeight[item] = weight;
    });
    let squaredNorm = 0;
    for (const item of items) squaredNorm += (this.clickWeight[item] as number) ** 2;
    for (const weight of unknown.values()) squaredNorm += weight ** 2;
    return { items, distinct: items.length + unknown.size, squaredNorm };
  }

  private nearestNeighbours(
    known: { items: number[]; distinct: number; squaredNorm: number },
    skipSession: number,
    now: number,
  ): Neighbour[] {
    const { k, sampleSize, similarity, recencyDecay } = this.options;
    const index = this.index;
    const candidates: Neighbour[] = [];
    index.forEachRecentSession(known.items, sampleSize, skipSession, (session) => {
      const members = index.distinctItems[session] as number[];
      let overlap = 0;
      let lastSharedClick = -1;
      for (const item of members) {
        const click = this.clickIndex[item] as number;
        if (click < 0) continue;
        overlap += this.clickWeight[item] as number;
        if (click > lastSharedClick) lastSharedClick = click;
      }
      let value = similarity === 'dot'
        ? overlap / known.distinct
        : overlap / (Math.sqrt(known.squaredNorm) * Math.sqrt(members.length));
      if (recencyDecay !== undefined) {
        const age = Math.max(0, now - (index.sessionTimes[session] as number));
        value *= Math.exp(-age / recencyDecay);
      }
      if (value > 0) candidates.push({ session, similarity: value, lastSharedClick });
    });
    // stable: among equal similarities the more recent session (earlier in the sample) wins
    candidates.sort((a, b) => b.similarity - a.similarity);
    return candidates.length > k ? candidates.slice(0, k) : candidates;
  }

  /** adds each neighbour's vote to its items and returns the items voted for */
  private scoreItems(neighbours: readonly Neighbour[], length: number): number[] {
    const { matchWeight, idfWeight, neighbourItemDecay } = this.options;
    const index = this.index;
    const sessionCount = index.sessions.size;
    const touched: number[] = [];
    for (const neighbour of neighbours) {
      const vote = neighbour.similarity * decayAt(matchWeight, length - neighbour.lastSharedClick);
      const members = index.distinctItems[neighbour.session] as number[];
      const distance = neighbourItemDecay === undefined ? undefined : this.distancesToLastShared(neighbour.session);
      members.forEach((item, m) => {
        let score = vote;
        if (idfWeight !== 0) score += score * idfWeight * Math.log(sessionCount / (index.itemClicks[item] as number));
        if (distance !== undefined && neighbourItemDecay !== undefined) {
          score *= Math.exp(-(distance[m] as number) / neighbourItemDecay);
        }
        if (this.itemScored[item] === 0) {
          this.itemScored[item] = 1;
          touched.push(item);
        }
        this.itemScore[item] = (this.itemScore[item] as number) + score;
      });
    }
    return touched;
  }

  /**
   * For each distinct item of a neighbour (in `distinctItems` order), the distance between its last click in
   * the neighbour and the neighbour's last click on an item of the current session (STAN's item neighbourhood).
   */
  private distancesToLastShared(session: number): number[] {
    const sequence = this.index.sequences[session] as number[];
    const members = this.index.distinctItems[session] as number[];
    let lastShared = 0;
    sequence.forEach((item, i) => {
      if ((this.clickIndex[item] as number) >= 0) lastShared = i;
    });
    const lastPosition = new Map<number, number>();
    sequence.forEach((item, i) => lastPosition.set(item, i));
    return members.map((item) => Math.abs((lastPosition.get(item) as number) - lastShared));
  }

  private growScratch(itemCount: number): void {
    if (this.clickIndex.length >= itemCount) return;
    const size = Math.max(1024, itemCount * 2);
    const clickIndex = new Int32Array(size).fill(-1);
    clickIndex.set(this.clickIndex);
    this.clickIndex = clickIndex;
    const clickWeight = new Float64Array(size);
    clickWeight.set(this.clickWeight);
    this.clickWeight = clickWeight;
    const itemScore = new Float64Array(size);
    itemScore.set(this.itemScore);
    this.itemScore = itemScore;
    const itemScored = new Uint8Array(size);
    itemScored.set(this.itemScored);
    this.itemScored = itemScored;
  }
}
