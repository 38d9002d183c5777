/** One click (item view) in a visitor's session, the only input the recommenders learn from. */
export interface Click {
  sessionId: string;
  itemId: string;
  /** unix seconds: only order and differences matter, but the tuned recency decay is in days of seconds */
  time: number;
}

export interface Recommendation {
  itemId: string;
  score: number;
}

export interface RecommendOptions {
  /** length of the returned list */
  limit: number;
  /** items never to return, e.g. the product on screen or items already bought */
  exclude?: ReadonlySet<string>;
}

/** What the server and the evaluator need from any recommender. */
export interface Recommender {
  addClick(click: Click): void;
  /** ranked best first, at most `limit` long, shorter only when the model knows fewer items */
  recommend(sessionItems: readonly string[], options: RecommendOptions): Recommendation[];
}
