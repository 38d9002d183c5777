import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import type { EventWriter } from './collect/event-writer.ts';
import type { SiteCache } from './sites/site-cache.ts';

/** What route factories receive from `createApp`. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  config: Config;
  writer: EventWriter;
  siteCache: SiteCache;
  /** SHA-256 of the admin token, read when a request is checked */
  adminTokenHash: () => Promise<string>;
}
