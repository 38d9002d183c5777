import { fillFromPopularity } from './fill.ts';
import type { PopularityRecommender } from './popularity.ts';
import { ScoreBoard } from './score-board.ts';
import { byTime } from './by-time.ts';
import { type KnnRecommendOptions, SessionKnn, type SessionKnnOptions } from './session-knn.ts';
import { SequentialRules, type SequentialRulesOptions, sequentialRulesDefaults } from './sequential-rules.ts';
import type { Click, Recommendation, Recommender } from './types.ts';

export interface SessionRecommenderOptions {
  knn: Partial<SessionKnnOptions>;
  rules: Partial<SequentialRulesOptions>;
  /** weight of the sequential rules' scores (best = 1) added to the kNN's (best = 1); 0 leaves them out */
  rulesWeight: number;
  /**
   * bonus for items already clicked in the session, times (position / length) so the newest counts most:
   * shoppers go back to products they looked at, and the kNN under-ranks them once the session moves on
   */
  reminderWeight: number;
}

/**
 * Shoploop's session recommender: session kNN votes, plus the successors of the last click (sequential rules),
 * plus a reminder of the session's own items, filled up with popular items. Every part learns one click at a
 * time, so the server can feed it events as they arrive.
 */
export class SessionRecommender implements Recommender {
  readonly knn: SessionKnn;
  readonly rules: SequentialRules;
  readonly options: Readonly<SessionRecommenderOptions>;
  private readonly board = new ScoreBoard();

  constructor(options: Partial<SessionRecommenderOptions> = {}) {
    this.options = { knn: {}, rules: sequentialRulesDefaults, rulesWeight: 0, reminderWeight: 0, ...options };
    this.knn = new SessionKnn(this.options.knn);
    // the rules share the kNN's item table so both score into one board
    this.rules = new SequentialRules(this.options.rules, this.knn.index.items);
  }

  /** a model of `clicks` in time order (ties keep their input order), the same as adding them one by one */
  static fromClicks(clicks: readonly Click[], options: Partial<SessionRecommenderOptions> = {}): SessionRecommender {
    const model = new SessionRecommender(options);
    for (const click of byTime(clicks)) model.addClick(click);
    return model;
  }

  get popularity(): PopularityRecommender {
    return this.knn.popularity;
  }

  addClick(click: Click): void {
    this.knn.addClick(click);
    if (this.options.rulesWeight !== 0) this.rules.addClick(click);
  }

  recommend(sessionItems: readonly string[], options: KnnRecommendOptions): Recommendation[] {
    if (options.limit <= 0) return [];
    const { rulesWeight, reminderWeight } = this.options;
    const board = this.board;
    const items = this.knn.index.items;
    try {
      this.knn.voteInto(board, sessionItems, options);
      if (rulesWeight !== 0) this.rules.addSuccessorsInto(board, sessionItems, rulesWeight);
      if (reminderWeight !== 0) {
        // a repeated item gets the bonus of its newest position only
        const newest = new Map<number, number>();
        sessionItems.forEach((itemId, i) => {
          const item = items.lookup(itemId);
          if (item >= 0) newest.set(item, (i + 1) / sessionItems.length);
        });
        for (const [item, recency] of newest) board.add(item, reminderWeight * recency);
      }
      const ranked = this.knn.topOf(board, options);
      const best = ranked[0]?.score ?? 0;
      if (best > 0) for (const r of ranked) r.score /= best;
      return fillFromPopularity(ranked, this.popularity, options);
    } finally {
      board.clear();
    }
  }
}
