import { integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.ts';
import { sites } from './sites.ts';

/**
 * The recommendation report of each finished UTC day (recommend/report/daily-rollup.ts), written the first time
 * a report covers the day: a month's report reads 30 rows per scenario and page type instead of every impression.
 * A row here says the day was computed (with no figures, it has no `rec_report_daily` rows) and holds its totals.
 */
export const recReportDays = sqliteTable(
  'rec_report_days',
  {
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    /** every order of the day, attributed or not, and their value */
    shopOrders: integer('shop_orders').notNull(),
    shopRevenue: real('shop_revenue').notNull(),
    /** orders with at least one item credited to a recommendation */
    attributedOrders: integer('attributed_orders').notNull(),
    /** the orders' currencies, as a JSON array */
    currencies: text('currencies', { mode: 'json' }).$type<string[]>().notNull(),
    computedAt: epochMs('computed_at').notNull(),
  },
  (t) => [primaryKey({ name: 'rec_report_days_pk', columns: [t.siteId, t.day] })],
);

/** One scenario on one page type on one day: impressions and clicks of the day, orders and revenue of its purchases. */
export const recReportDaily = sqliteTable(
  'rec_report_daily',
  {
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    scenario: text('scenario').notNull(),
    pageType: text('page_type').notNull(),
    impressions: integer('impressions').notNull(),
    clicks: integer('clicks').notNull(),
    orders: integer('orders').notNull(),
    items: integer('items').notNull(),
    revenue: real('revenue').notNull(),
  },
  (t) => [primaryKey({ name: 'rec_report_daily_pk', columns: [t.siteId, t.day, t.scenario, t.pageType] })],
);
