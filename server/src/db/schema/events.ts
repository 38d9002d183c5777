import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.ts';
import { sites } from './sites.ts';

/**
 * The events the recommendation report reads, and all that its partial index holds. A query uses the index only
 * when its WHERE repeats this condition word for word, so both take it from here.
 */
export const ATTRIBUTION_EVENTS = "name IN ('rec_impression', 'rec_click', 'purchase')";

/**
 * Raw storefront events, append-only. `seq` is the rowid so inserts stay in key order; the client's
 * own `eventId` is unique per site, which makes retries idempotent. Only the indexes queries need: the
 * partial one holds just the rows the recommendation report reads, so other events pay nothing for it.
 */
export const events = sqliteTable(
  'events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    eventId: text('event_id').notNull(),
    visitorId: text('visitor_id').notNull(),
    sessionId: text('session_id').notNull(),
    name: text('name').notNull(),
    clientTs: epochMs('client_ts').notNull(),
    receivedAt: epochMs('received_at').notNull(),
    url: text('url'),
    referrer: text('referrer'),
    timeZone: text('time_zone'),
    /** Event parameters as sent (items, value, currency, transaction_id, search_term, ...), validated JSON. */
    params: text('params').notNull(),
  },
  (t) => [
    uniqueIndex('events_site_event_uq').on(t.siteId, t.eventId),
    index('events_site_visitor_idx').on(t.siteId, t.visitorId, t.seq),
    index('events_site_attribution_idx').on(t.siteId, t.receivedAt).where(sql.raw(ATTRIBUTION_EVENTS)),
  ],
);

/** One row per visitor of a site: what the lifecycle and the admin read without scanning events. */
export const visitors = sqliteTable(
  'visitors',
  {
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    visitorId: text('visitor_id').notNull(),
    customerId: text('customer_id'),
    firstSeenAt: epochMs('first_seen_at').notNull(),
    lastSeenAt: epochMs('last_seen_at').notNull(),
    lastSessionId: text('last_session_id'),
    timeZone: text('time_zone'),
    eventCount: integer('event_count').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'visitors_pk', columns: [t.siteId, t.visitorId] }),
    index('visitors_site_last_seen_idx').on(t.siteId, t.lastSeenAt),
    index('visitors_site_customer_idx').on(t.siteId, t.customerId),
  ],
);

export type StoredEvent = typeof events.$inferSelect;
export type Visitor = typeof visitors.$inferSelect;
