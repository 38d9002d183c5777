import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { productFields } from './catalog.ts';
import { epochMs } from './columns.ts';
import { sites } from './sites.ts';

/**
 * A visitor's report of a product field value that differs from the trusted one (`products` holds only
 * trusted values). One row per visitor and value, so a visitor is never counted twice; when a value has as
 * many reporters as the site's `trusted_reporters`, the `catalog_reports_promote` trigger (migration 0004)
 * makes it the product's value, records the change, and clears the field's reports.
 */
export const catalogReports = sqliteTable(
  'catalog_reports',
  {
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    field: text('field', { enum: productFields }).notNull(),
    /** as `product_changes.new_value` writes it */
    value: text('value').notNull(),
    /** the visitor id the batch claimed */
    reporter: text('reporter').notNull(),
    reportedAt: epochMs('reported_at').notNull(),
  },
  (t) => [primaryKey({ name: 'catalog_reports_pk', columns: [t.siteId, t.itemId, t.field, t.value, t.reporter] })],
);

/** Per-site catalog trust settings; a site without a row uses the defaults (catalog/trust/settings.ts). */
export const catalogSettings = sqliteTable('catalog_settings', {
  siteId: text('site_id').primaryKey().references(() => sites.id, { onDelete: 'cascade' }),
  /** distinct visitors who must report a value before it is trusted */
  trustedReporters: integer('trusted_reporters').notNull(),
  updatedAt: epochMs('updated_at').notNull(),
});

export type CatalogReport = typeof catalogReports.$inferSelect;
