import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.ts';

/** A shop. `publicKey` goes into the pasted script tag; `allowedOrigins` guards the collector. */
export const sites = sqliteTable(
  'sites',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    publicKey: text('public_key').notNull(),
    allowedOrigins: text('allowed_origins', { mode: 'json' }).$type<string[]>().notNull(),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [uniqueIndex('sites_public_key_uq').on(t.publicKey)],
);

/** Instance-wide key/value settings (e.g. the hashed admin token), shared by every server instance. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export type Site = typeof sites.$inferSelect;
export type NewSite = typeof sites.$inferInsert;
