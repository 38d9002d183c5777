import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.ts';
import { stageValues } from './lifecycle.ts';
import { sites } from './sites.ts';

/*
 * The admin reports' rollups (admin/reports/). The lifecycle scheduler's evaluation hook writes the per-person and
 * per-order rows in its own transaction (admin/reports/rollups/); triggers in migration 0009 keep the small
 * aggregate tables (the ones a report reads) equal to a recount of those rows, on every insert, update and
 * delete, so absorbing a device and erasing a customer keep the counts right without further code.
 */

/** Stage changes per UTC day, from → to ('' = first classification): the funnel's flow diagram. */
export const reportFlowDaily = sqliteTable(
  'report_flow_daily',
  {
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    fromStage: text('from_stage').notNull(),
    toStage: text('to_stage', { enum: stageValues }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ name: 'report_flow_daily_pk', columns: [t.siteId, t.day, t.fromStage, t.toStage] })],
);

/**
 * One row per person: when they reached each step of the loyalty funnel. `topStep` (0 visitor, 1 engaged,
 * 2 first order, 3 repeat, 4 loyal) and `churned` (went dormant after reaching it) are derived, so the
 * aggregate below is a plain function of the row.
 */
export const reportPeople = sqliteTable(
  'report_people',
  {
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    profileId: text('profile_id').notNull(),
    firstSeenAt: epochMs('first_seen_at').notNull(),
    /** first entry into here_and_now */
    engagedAt: epochMs('engaged_at'),
    /** the first and second of the orders that count (a cancelled one does not) */
    firstOrderAt: epochMs('first_order_at'),
    repeatAt: epochMs('repeat_at'),
    /** first entry into loyal */
    loyalAt: epochMs('loyal_at'),
    /** latest entry into dormant */
    dormantAt: epochMs('dormant_at'),
    topStep: integer('top_step').generatedAlwaysAs(
      sql`CASE WHEN loyal_at IS NOT NULL THEN 4 WHEN repeat_at IS NOT NULL THEN 3 WHEN first_order_at IS NOT NULL THEN 2 WHEN engaged_at IS NOT NULL THEN 1 ELSE 0 END`,
      { mode: 'virtual' },
    ),
    churned: integer('churned').generatedAlwaysAs(
      sql`coalesce(dormant_at >= coalesce(loyal_at, repeat_at, first_order_at, engaged_at, first_seen_at), 0)`,
      { mode: 'virtual' },
    ),
  },
  (t) => [primaryKey({ name: 'report_people_pk', columns: [t.siteId, t.profileId] })],
);

/** People per UTC day first seen × furthest loyalty step × churned: what the loyalty funnel sums. */
export const reportLoyaltyDaily = sqliteTable(
  'report_loyalty_daily',
  {
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    topStep: integer('top_step').notNull(),
    churned: integer('churned').notNull(),
    people: integer('people').notNull(),
  },
  (t) => [primaryKey({ name: 'report_loyalty_daily_pk', columns: [t.siteId, t.day, t.topStep, t.churned] })],
);

/** One row per order that counts (facts.orders), with the stage its buyer was in when it arrived. */
export const reportOrders = sqliteTable(
  'report_orders',
  {
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    profileId: text('profile_id').notNull(),
    orderId: text('order_id').notNull(),
    at: epochMs('at').notNull(),
    /** after refunds */
    value: real('value').notNull(),
    stage: text('stage', { enum: stageValues }).notNull(),
    /** the buyer's first order: a new buyer that day */
    first: integer('first').notNull(),
  },
  (t) => [primaryKey({ name: 'report_orders_pk', columns: [t.siteId, t.profileId, t.orderId] })],
);

/** Orders, first orders and revenue per UTC day × stage at order time. */
export const reportOrdersDaily = sqliteTable(
  'report_orders_daily',
  {
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    stage: text('stage', { enum: stageValues }).notNull(),
    orders: integer('orders').notNull(),
    firstOrders: integer('first_orders').notNull(),
    revenue: real('revenue').notNull(),
  },
  (t) => [primaryKey({ name: 'report_orders_daily_pk', columns: [t.siteId, t.day, t.stage] })],
);

/**
 * One row per buyer: the order summary RFM and cohorts read. `repeatMask` bit k (k ≥ 1) = ordered in month k
 * after the first-order month; bit 0 = two orders or more within that month. `sampleKey` is a hash of the
 * profile id: reading the lowest keys is a uniform sample (the CLV and P(alive) distributions).
 */
export const reportBuyers = sqliteTable(
  'report_buyers',
  {
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    profileId: text('profile_id').notNull(),
    orders: integer('orders').notNull(),
    firstOrderAt: epochMs('first_order_at').notNull(),
    lastOrderAt: epochMs('last_order_at').notNull(),
    revenue: real('revenue').notNull(),
    cohortMonth: text('cohort_month').notNull(),
    repeatMask: integer('repeat_mask').notNull(),
    sampleKey: integer('sample_key').notNull(),
  },
  (t) => [
    primaryKey({ name: 'report_buyers_pk', columns: [t.siteId, t.profileId] }),
    index('report_buyers_last_order_idx').on(t.siteId, t.lastOrderAt, t.profileId),
    index('report_buyers_sample_idx').on(t.siteId, t.sampleKey),
  ],
);

/** Buyers per first-order month × repeat pattern. */
export const reportCohorts = sqliteTable(
  'report_cohorts',
  {
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    cohortMonth: text('cohort_month').notNull(),
    repeatMask: integer('repeat_mask').notNull(),
    buyers: integer('buyers').notNull(),
  },
  (t) => [primaryKey({ name: 'report_cohorts_pk', columns: [t.siteId, t.cohortMonth, t.repeatMask] })],
);

/** Buyers and their revenue per UTC day of last order × order count: the RFM grid at any "now". */
export const reportRfmDaily = sqliteTable(
  'report_rfm_daily',
  {
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    orders: integer('orders').notNull(),
    people: integer('people').notNull(),
    revenue: real('revenue').notNull(),
  },
  (t) => [primaryKey({ name: 'report_rfm_daily_pk', columns: [t.siteId, t.day, t.orders] })],
);
