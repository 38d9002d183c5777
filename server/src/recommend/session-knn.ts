import { byTime } from './by-time.ts';
import { type Decay, decayAt, positionWeight } from './decay.ts';
import { fillFromPopularity } from './fill.ts';
import { mostSimilarInto } from './most-similar.ts';
import { PopularityRecommender, type PopularityOptions } from './popularity.ts';
import { ScoreBoard } from './score-board.ts';
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
  /** STAN λ_snh in time units: discount a neighbour by e^(−age/λ), age measured from `now` */
  recencyDecay?: number;
  /** options of the popularity list that fills short lists */
  popularity?: PopularityOptions;
}

/**
 * session-rec's V-SKNN configuration for RSC15 (example_next.yml): the published baseline. Its config also says
 * `similarity: cosine`, but VMContextKNN ignores that and always uses the weighted overlap, i.e. `dot` here.
 */
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

/** what a request knows about the current session's items, in the scratch arrays */
interface CurrentSession {
  items: number[];
  length: number;
  distinct: number;
  squaredNorm: number;
}

/**
 * The sampled candidates as parallel arrays (`count` of them), and the indices of the k chosen as neighbours
 * (`chosenCount`). The arrays are the model's scratch, sized to the sample once and reused by every request.
 */
interface Neighbours {
  count: number;
  sessions: Int32Array;
  similarities: Float64Array;
  /** 0-based index of the newest click of the current session that the candidate shares */
  lastShared: Int32Array;
  chosen: Int32Array;
  chosenCount: number;
}

/**
 * Vector-multiplication session kNN (V-SKNN, Ludewig & Jannach 2018): the current session is a vector of
 * position-weighted items; among the most recent sessions sharing an item with it, the k most similar vote
 * for their items. Items no neighbour votes for are filled in from popularity.
 */
export class SessionKnn implements Recommender {
  readonly options: Readonly<SessionKnnOptions>;
  readonly index: SessionIndex;
  readonly popularity: PopularityRecommender;
  private readonly board = new ScoreBoard();
  // per-request scratch indexed by item; clickIndex is -1 except for the current session's items
  private clickIndex = new Int32Array(0);
  private clickWeight = new Float64Array(0);
  private lastPosition = new Int32Array(0);
  private nearness: number[] = [];
  private readonly neighbours: Neighbours;
  private readonly sortScratch: Float64Array;

  constructor(options: Partial<SessionKnnOptions> = {}) {
    this.options = { ...vsknnDefaults, ...options };
    if (!(this.options.k >= 1) || !(this.options.sampleSize >= 1)) throw new RangeError('k and sampleSize must be >= 1');
    // one more than the sample, so skipping the caller's own session never costs a neighbour
    this.index = new SessionIndex({ sessionsPerItem: this.options.sampleSize + 1 });
    this.popularity = new PopularityRecommender(this.options.popularity);
    const sample = this.options.sampleSize;
    this.neighbours = {
      count: 0, sessions: new Int32Array(sample), similarities: new Float64Array(sample), lastShared: new Int32Array(sample),
      chosen: new Int32Array(Math.min(sample, this.options.k)), chosenCount: 0,
    };
    this.sortScratch = new Float64Array(sample);
  }

  /** a model of `clicks` in time order (ties keep their input order), the same as adding them one by one */
  static fromClicks(clicks: readonly Click[], options: Partial<SessionKnnOptions> = {}): SessionKnn {
    const model = new SessionKnn(options);
    for (const click of byTime(clicks)) model.addClick(click);
    return model;
  }

  addClick(click: Click): void {
    this.index.addClick(click);
    this.popularity.addClick(click);
  }

  recommend(sessionItems: readonly string[], options: KnnRecommendOptions): Recommendation[] {
    if (options.limit <= 0) return [];
    const board = this.board;
    try {
      this.voteInto(board, sessionItems, options);
      return fillFromPopularity(this.topOf(board, options), this.popularity, options);
    } finally {
      board.clear();
    }
  }

  /** every item some neighbour votes for, best first, scaled so the best is 1 */
  neighbourVotes(sessionItems: readonly string[], options: Omit<KnnRecommendOptions, 'limit'> = {}): Recommendation[] {
    try {
      this.voteInto(this.board, sessionItems, options);
      return this.topOf(this.board, { ...options, limit: this.board.size });
    } finally {
      this.board.clear();
    }
  }

  /** the board's best `limit` items outside `exclude` as recommendations */
  topOf(board: ScoreBoard, { limit, exclude }: RecommendOptions): Recommendation[] {
    const skip = new Set<number>();
    for (const itemId of exclude ?? []) skip.add(this.index.items.lookup(itemId));
    const best = board.top(limit, skip, this.ranksBefore);
    return best.map((item) => ({ itemId: this.index.items.idOf(item), score: board.get(item) }));
  }

  /** tie-break between equally scored items: the more clicked, then the one seen first */
  readonly ranksBefore = (a: number, b: number): boolean => {
    const clicks = this.index.itemClicks;
    const ca = clicks[a] as number;
    const cb = clicks[b] as number;
    return ca > cb || (ca === cb && a < b);
  };

  /** adds the neighbours' votes to `board` (indexed like `index.items`), scaled so the best vote is 1 */
  voteInto(board: ScoreBoard, sessionItems: readonly string[], options: Omit<KnnRecommendOptions, 'limit'>): void {
    const index = this.index;
    this.growScratch(index.items.size);
    board.ensure(index.items.size);
    const current = this.markSessionItems(sessionItems);
    try {
      if (current.items.length === 0) return;
      const skipSession = options.sessionId === undefined ? -1 : index.sessions.lookup(options.sessionId);
      const neighbours = this.nearestNeighbours(current, skipSession, options.now ?? index.newestTime);
      this.scoreItems(board, neighbours, current.length);
      const best = board.max();
      if (best > 0) board.scale(1 / best);
    } finally {
      for (const item of current.items) this.clickIndex[item] = -1;
    }
  }

  /**
   * Writes each known item's position weight and newest click index into the scratch arrays. A repeated item
   * keeps its newest position, as in session-rec; unknown items still count towards the session's length.
   */
  private markSessionItems(sessionItems: readonly string[]): CurrentSession {
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
    return { items, length, distinct: items.length + unknown.size, squaredNorm };
  }

  /** the k most similar of the `sampleSize` most recent sessions sharing an item with the current one */
  private nearestNeighbours(current: CurrentSession, skipSession: number, now: number): Neighbours {
    const { k, sampleSize, similarity, recencyDecay } = this.options;
    const index = this.index;
    const neighbours = this.neighbours;
    const { sessions, similarities, lastShared } = neighbours;
    let count = 0;
    const visit = (session: number) => {
      const members = index.distinctItems[session] as number[];
      let overlap = 0;
      let newestShared = -1;
      for (const item of members) {
        const click = this.clickIndex[item] as number;
        if (click < 0) continue;
        overlap += this.clickWeight[item] as number;
        if (click > newestShared) newestShared = click;
      }
      let value = similarity === 'dot'
        ? overlap / current.distinct
        : overlap / (Math.sqrt(current.squaredNorm) * Math.sqrt(members.length));
      if (recencyDecay !== undefined) {
        value *= Math.exp(-Math.max(0, now - (index.sessionTimes[session] as number)) / recencyDecay);
      }
      if (value <= 0) return;
      sessions[count] = session;
      similarities[count] = value;
      lastShared[count] = newestShared;
      count++;
    };
    index.forEachRecentSession(current.items, sampleSize, skipSession, visit);
    neighbours.count = count;
    neighbours.chosenCount = mostSimilarInto(similarities, count, k, this.sortScratch, neighbours.chosen);
    return neighbours;
  }

  /** adds each neighbour's vote to its items */
  private scoreItems(board: ScoreBoard, neighbours: Neighbours, length: number): void {
    const { matchWeight, idfWeight, neighbourItemDecay } = this.options;
    const index = this.index;
    const logSessions = Math.log(index.sessions.size);
    const logClicks = index.itemLogClicks;
    const nearness = neighbourItemDecay === undefined ? [] : this.nearnessTable(neighbourItemDecay);
    for (let c = 0; c < neighbours.chosenCount; c++) {
      const i = neighbours.chosen[c] as number;
      const session = neighbours.sessions[i] as number;
      const vote = (neighbours.similarities[i] as number) * decayAt(matchWeight, length - (neighbours.lastShared[i] as number));
      const members = index.distinctItems[session] as number[];
      const anchor = neighbourItemDecay === undefined ? 0 : this.markPositions(session);
      for (const item of members) {
        let score = vote;
        if (idfWeight !== 0) score += score * idfWeight * (logSessions - (logClicks[item] as number));
        if (neighbourItemDecay !== undefined) {
          const distance = Math.abs((this.lastPosition[item] as number) - anchor);
          score *= nearness[distance] ?? Math.exp(-distance / neighbourItemDecay);
        }
        board.add(item, score);
      }
    }
  }

  /**
   * STAN's item neighbourhood: writes each item's last position in the neighbour's click sequence to
   * `lastPosition` and returns the position of the neighbour's last click on an item of the current session.
   */
  private markPositions(session: number): number {
    const sequence = this.index.sequences[session] as number[];
    let anchor = 0;
    for (let i = 0; i < sequence.length; i++) {
      const item = sequence[i] as number;
      this.lastPosition[item] = i;
      if ((this.clickIndex[item] as number) >= 0) anchor = i;
    }
    return anchor;
  }

  /** e^(−d/λ) for the distances most sessions have, so votes need no exponential */
  private nearnessTable(lambda: number): number[] {
    if (this.nearness.length === 0) this.nearness = Array.from({ length: 64 }, (_, d) => Math.exp(-d / lambda));
    return this.nearness;
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
    this.lastPosition = new Int32Array(size);
  }
}
