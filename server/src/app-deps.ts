import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { Collector } from './collect/collector.ts';
import type { EventWriter } from './collect/event-writer.ts';
import type { SiteCache } from './sites/site-cache.ts';
import type { LifecycleMaintenance } from './lifecycle/maintenance.ts';
import type { Recommender } from './recommend/serve/recommender.ts';
import type { LifecycleScheduler } from './lifecycle/scheduler.ts';
import type { CampaignRunner } from './campaigns/campaign-runner.ts';
import type { MessageDispatcher } from './campaigns/outbox/dispatcher.ts';

/** What route factories receive from `createApp`. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  config: Config;
  writer: EventWriter;
  /** POST /v1/collect's work, shared by the Hono route and the node:http fast path */
  collector: Collector;
  siteCache: SiteCache;
  /** re-evaluates due lifecycle stages; main.ts starts its timer, tests call runDue() */
  scheduler: LifecycleScheduler;
  /** daily stage counts and buyer-model refits */
  maintenance: LifecycleMaintenance;
  /** in-memory recommendation models, fed by the writer */
  recommendations: Recommender;
  /** the push outbox: claims due messages, asks the contact policy, sends; tests call runDue() */
  dispatcher: MessageDispatcher;
  /** the campaigns' timer (periodic triggers, then the outbox); main.ts starts it */
  campaigns: CampaignRunner;
  /** SHA-256 of the admin token, read when a request is checked */
  adminTokenHash: () => Promise<string>;
}
