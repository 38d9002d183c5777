import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { campaignIds } from '../../campaigns/campaign-ids.ts';
import { epochMs } from './columns.ts';
import { sites } from './sites.ts';

/**
 * A site's VAPID key pair (base64url, the private key never served) and its contact for push services
 * (`mailto:` or `https:`); push stays off for a site until the contact is set.
 */
export const pushKeys = sqliteTable('push_keys', {
  siteId: text('site_id').primaryKey().references(() => sites.id, { onDelete: 'cascade' }),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key').notNull(),
  subject: text('subject'),
  createdAt: epochMs('created_at').notNull(),
});

/** A browser's push subscription, as the visitor's page handed it over (endpoint checked before storing). */
export const pushSubscriptions = sqliteTable(
  'push_subscriptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    visitorId: text('visitor_id').notNull(),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [uniqueIndex('push_subscriptions_endpoint_uq').on(t.siteId, t.endpoint), index('push_subscriptions_visitor_idx').on(t.siteId, t.visitorId)],
);

export const messageStatuses = ['scheduled', 'deferred', 'held_out', 'sent', 'failed', 'expired', 'cancelled', 'clicked'] as const;
export type MessageStatus = (typeof messageStatuses)[number];
export const urgencies = ['very-low', 'low', 'normal', 'high'] as const;

/**
 * Messages the dispatcher still has work on: waiting ones, and sent ones whose push service has not confirmed
 * yet (a process that died mid-send leaves those). Final ones have no due time; the partial index skips them.
 */
export const AWAITING_DISPATCH = 'due_at IS NOT NULL';

/**
 * The outbox and the record of every contact decision. A campaign trigger inserts a message once (the unique
 * trigger key), the dispatcher claims due ones (`claimUntil`), decides under the contact policy, renders and
 * sends. `sentAt` is set before the push service is called and `deliveredAt` after it answered, so a message
 * sent but not confirmed when a process died is known and retried. Conversions (a purchase within 7 days of
 * `createdAt`) are stamped on held-out messages too: that is the holdout comparison.
 */
export const messages = sqliteTable(
  'messages',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    profileId: text('profile_id').notNull(),
    campaign: text('campaign', { enum: campaignIds }).notNull(),
    /** what made the message, unique per person and campaign: a stage entry, a catalog change, a purchase */
    triggerKey: text('trigger_key').notNull(),
    status: text('status', { enum: messageStatuses }).notNull(),
    reason: text('reason'),
    holdout: integer('holdout', { mode: 'boolean' }).notNull().default(false),
    createdAt: epochMs('created_at').notNull(),
    /** when the dispatcher next looks at it; null once final */
    dueAt: epochMs('due_at'),
    expiresAt: epochMs('expires_at').notNull(),
    urgency: text('urgency', { enum: urgencies }).notNull(),
    topic: text('topic').notNull(),
    itemId: text('item_id'),
    /** what the trigger knew (cart items, old and new price), for rendering */
    context: text('context', { mode: 'json' }).$type<Record<string, unknown>>(),
    title: text('title'),
    body: text('body'),
    url: text('url'),
    image: text('image'),
    attempts: integer('attempts').notNull().default(0),
    claimUntil: epochMs('claim_until'),
    sentAt: epochMs('sent_at'),
    deliveredAt: epochMs('delivered_at'),
    clickedAt: epochMs('clicked_at'),
    convertedAt: epochMs('converted_at'),
    orderId: text('order_id'),
    revenue: real('revenue'),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('messages_trigger_uq').on(t.siteId, t.campaign, t.profileId, t.triggerKey),
    index('messages_due_idx').on(t.dueAt).where(sql.raw(AWAITING_DISPATCH)),
    index('messages_person_idx').on(t.siteId, t.profileId, t.createdAt),
    index('messages_site_created_idx').on(t.siteId, t.createdAt),
  ],
);

/** How far a periodic campaign planner has read a site's stream (e.g. catalog changes), claimed like due work. */
export const campaignCursors = sqliteTable(
  'campaign_cursors',
  {
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    claimUntil: epochMs('claim_until'),
    runAt: epochMs('run_at'),
  },
  (t) => [primaryKey({ name: 'campaign_cursors_pk', columns: [t.siteId, t.name] })],
);

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
