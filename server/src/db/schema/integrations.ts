import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.ts';
import { sites } from './sites.ts';

/**
 * A site's Shopify webhook signing secret (the key shown under Settings → Notifications → Webhooks, or the app's
 * client secret). Kept as given: verifying an HMAC needs the secret itself, not a hash of it.
 */
export const shopifyWebhookSecrets = sqliteTable('shopify_webhook_secrets', {
  siteId: text('site_id').primaryKey().references(() => sites.id, { onDelete: 'cascade' }),
  secret: text('secret').notNull(),
  updatedAt: epochMs('updated_at').notNull(),
});
