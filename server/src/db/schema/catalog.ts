import { integer, real, sqliteTable, text, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.ts';
import { sites } from './sites.ts';

export const availabilities = ['in_stock', 'out_of_stock', 'preorder', 'backorder', 'discontinued'] as const;
export type Availability = (typeof availabilities)[number];
/** what a shopper can order now: a restock is news only into one of these, and a restock message only while in one */
export const sellableAvailabilities: ReadonlySet<string> = new Set<Availability>(['in_stock', 'preorder', 'backorder']);

/**
 * The catalog of a site: only trusted values, from an imported feed or reported alike by enough distinct
 * visitors (catalog/trust/); a product seen in an event but not yet trusted has a row with empty fields.
 */
export const products = sqliteTable(
  'products',
  {
    siteId: text('site_id').notNull().references(() => sites.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    name: text('name'),
    price: real('price'),
    currency: text('currency'),
    image: text('image'),
    url: text('url'),
    category: text('category'),
    brand: text('brand'),
    availability: text('availability', { enum: availabilities }),
    /** when the feed's current sale price ends (null: no sale, or no end given): a price-drop message expires then */
    saleEndsAt: epochMs('sale_ends_at'),
    /** Hidden by the shop: never recommended. */
    hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
    firstSeenAt: epochMs('first_seen_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'products_pk', columns: [t.siteId, t.itemId] }),
    index('products_site_category_idx').on(t.siteId, t.category),
  ],
);

export const productFields = ['name', 'price', 'currency', 'image', 'url', 'category', 'brand', 'availability'] as const;
export type ProductField = (typeof productFields)[number];

/**
 * Every change of a product's trusted value, oldest first: price drops and restocks drive messages. A feed's
 * change is trusted at once; an event's is written when enough distinct visitors reported the value
 * (`reporters`, see catalog-trust.ts). Rows of source `event` with `reporters` null predate that rule.
 */
export const productChanges = sqliteTable(
  'product_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    siteId: text('site_id').notNull(),
    itemId: text('item_id').notNull(),
    field: text('field', { enum: productFields }).notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    changedAt: epochMs('changed_at').notNull(),
    source: text('source', { enum: ['event', 'feed'] }).notNull(),
    /** how many distinct visitors reported the value (source `event`); null for a feed */
    reporters: integer('reporters'),
  },
  (t) => [index('product_changes_item_idx').on(t.siteId, t.itemId, t.id), index('product_changes_site_idx').on(t.siteId, t.id)],
);

export type Product = typeof products.$inferSelect;
export type ProductChange = typeof productChanges.$inferSelect;
