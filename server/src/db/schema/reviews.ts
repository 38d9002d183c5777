import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.ts';
import { sites } from './sites.ts';

/**
 * A site's secret for signing review tokens (HMAC-SHA-256, base64url), made with the site and backfilled for
 * sites made before reviews (reviews/keys/review-secret.ts); never served.
 */
export const reviewKeys = sqliteTable('review_keys', {
  siteId: text('site_id').primaryKey().references(() => sites.id, { onDelete: 'cascade' }),
  secret: text('secret').notNull(),
  createdAt: epochMs('created_at').notNull(),
});

/** Per-site review settings (reviews/settings.ts) as JSON; a site without a row uses the defaults. */
export const reviewSettings = sqliteTable('review_settings', {
  siteId: text('site_id').primaryKey().references(() => sites.id, { onDelete: 'cascade' }),
  settings: text('settings', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  updatedAt: epochMs('updated_at').notNull(),
});

export const reviewRequestStatuses = ['scheduled', 'completed', 'cancelled'] as const;
export type ReviewRequestStatus = (typeof reviewRequestStatuses)[number];

/** One item of an order a request asks about, with the name and category the purchase event gave. */
export interface RequestItem {
  id: string;
  name: string | null;
  category: string | null;
}

/**
 * One ask per order (the unique key), written in the lifecycle scheduler's transaction with the purchase that
 * made it. `askAt` is the purchase time plus the delay (the longest of its items' categories), `remindAt` the
 * one reminder; `askedAt` / `remindedAt` say the push planner has planned each (sent or not: it is planned
 * once). The on-site card shows it from `askAt` until `expiresAt`, except while snoozed ("not now").
 */
export const reviewRequests = sqliteTable(
  'review_requests',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    orderId: text('order_id').notNull(),
    /** the buyer's device: the person is this visitor, or their customer once identified */
    visitorId: text('visitor_id').notNull(),
    items: text('items', { mode: 'json' }).$type<RequestItem[]>().notNull(),
    purchasedAt: epochMs('purchased_at').notNull(),
    askAt: epochMs('ask_at').notNull(),
    remindAt: epochMs('remind_at'),
    expiresAt: epochMs('expires_at').notNull(),
    status: text('status', { enum: reviewRequestStatuses }).notNull(),
    reason: text('reason'),
    askedAt: epochMs('asked_at'),
    remindedAt: epochMs('reminded_at'),
    snoozedUntil: epochMs('snoozed_until'),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('review_requests_order_uq').on(t.siteId, t.orderId),
    index('review_requests_visitor_idx').on(t.siteId, t.visitorId),
    index('review_requests_due_idx').on(t.siteId, t.askAt).where(sql`status = 'scheduled'`),
  ],
);

/** Orders refunded or cancelled (admin API): never asked about, even when the purchase arrives later. */
export const reviewCancelledOrders = sqliteTable(
  'review_cancelled_orders',
  {
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    orderId: text('order_id').notNull(),
    reason: text('reason', { enum: ['refunded', 'cancelled'] }).notNull(),
    at: epochMs('at').notNull(),
  },
  (t) => [primaryKey({ name: 'review_cancelled_orders_pk', columns: [t.siteId, t.orderId] })],
);

/** "Don't ask again", per device; a person's flag is any of their devices' (reviews/requests/person.ts). */
export const reviewOptOuts = sqliteTable(
  'review_opt_outs',
  {
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    visitorId: text('visitor_id').notNull(),
    at: epochMs('at').notNull(),
  },
  (t) => [primaryKey({ name: 'review_opt_outs_pk', columns: [t.siteId, t.visitorId] })],
);

export const reviewStatuses = ['pending', 'published', 'rejected'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

/**
 * A buyer's review of one item of one order: the unique (site, order, item) key is what makes a token single
 * use per item. Text is stored exactly as given and escaped wherever it is shown. `heldReason` says why a
 * review waits for moderation (spam signs, or auto-publish off); `textKey` is the normalised body that finds
 * the same text in another review.
 */
export const reviews = sqliteTable(
  'reviews',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    requestId: text('request_id').notNull(),
    orderId: text('order_id').notNull(),
    itemId: text('item_id').notNull(),
    visitorId: text('visitor_id').notNull(),
    rating: integer('rating').notNull(),
    title: text('title'),
    body: text('body'),
    author: text('author'),
    status: text('status', { enum: reviewStatuses }).notNull(),
    heldReason: text('held_reason'),
    textKey: text('text_key'),
    helpful: integer('helpful').notNull().default(0),
    replyBody: text('reply_body'),
    replyAt: epochMs('reply_at'),
    createdAt: epochMs('created_at').notNull(),
    publishedAt: epochMs('published_at'),
    moderatedAt: epochMs('moderated_at'),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('reviews_order_item_uq').on(t.siteId, t.orderId, t.itemId),
    index('reviews_item_idx').on(t.siteId, t.itemId, t.status, t.createdAt),
    index('reviews_site_status_idx').on(t.siteId, t.status, t.createdAt),
    index('reviews_visitor_idx').on(t.siteId, t.visitorId),
    index('reviews_text_idx').on(t.siteId, t.textKey),
    check('reviews_rating_range', sql`rating BETWEEN 1 AND 5`),
  ],
);

/** One "helpful" per visitor and review. */
export const reviewHelpfulVotes = sqliteTable(
  'review_helpful_votes',
  {
    reviewId: text('review_id').notNull().references(() => reviews.id, { onDelete: 'cascade' }),
    visitorId: text('visitor_id').notNull(),
    at: epochMs('at').notNull(),
  },
  (t) => [primaryKey({ name: 'review_helpful_votes_pk', columns: [t.reviewId, t.visitorId] })],
);

export type ReviewRequestRow = typeof reviewRequests.$inferSelect;
export type ReviewRow = typeof reviews.$inferSelect;
