import type { CollectEvent } from '../../collect/schema.ts';
import type { RecommendRequest, RecommendResult } from './recommendation-service.ts';

/**
 * What the rest of the server asks of the recommendations: `RecommendationService` holds the models on the
 * calling thread (tests, the CLI, a server with an injected clock); `WorkerRecommender` holds them on a worker
 * thread, so learning, building and rebuilding never hold up the requests (main.ts).
 */
export interface Recommender {
  /** builds every site's model; main.ts awaits this before listening */
  buildAll(): Promise<void>;
  /** builds the site's model afresh beside live traffic and swaps it in */
  rebuild(siteId: string): Promise<unknown>;
  startRebuilding(intervalMs: number): void;
  /** learns a batch the writer has just committed (its stored events only) */
  ingest(siteId: string, visitorId: string, events: readonly CollectEvent[], receivedAt: number): void;
  /** learns what other instances stored; resolves to how many events */
  catchUp(): Promise<number>;
  startCatchingUp(intervalMs: number): void;
  stop(): Promise<void>;
  refreshProducts(siteId: string): Promise<void>;
  recommend(req: RecommendRequest): Promise<RecommendResult>;
  /** the products a visitor bought within the models' window, with when they last did (ms) */
  boughtBy(siteId: string, visitorId: string): Promise<ReadonlyMap<string, number> | undefined>;
}
