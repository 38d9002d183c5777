import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { shopifyWebhookSecrets } from '../../db/schema/index.ts';

/** Why a secret cannot be one Shopify signs with, or null when it can. */
export function checkShopifySecret(secret: string): string | null {
  if (secret.length < 16) return 'is too short to be a Shopify signing key (at least 16 characters)';
  if (secret.length > 256) return 'is longer than 256 characters';
  if (/\s/.test(secret)) return 'contains spaces (copy the key alone)';
  return null;
}

/** Sets (or replaces) the site's Shopify webhook secret; deliveries signed with the old one are refused from now on. */
export async function setShopifySecret(db: Db, siteId: string, secret: string, now: number): Promise<void> {
  const problem = checkShopifySecret(secret);
  if (problem) throw new Error(`the Shopify webhook secret ${problem}`);
  await db.orm
    .insert(shopifyWebhookSecrets)
    .values({ siteId, secret, updatedAt: now })
    .onConflictDoUpdate({ target: shopifyWebhookSecrets.siteId, set: { secret, updatedAt: now } });
}

export async function readShopifySecret(db: Db, siteId: string): Promise<string | undefined> {
  const row = await db.orm.query.shopifyWebhookSecrets.findFirst({ where: eq(shopifyWebhookSecrets.siteId, siteId) });
  return row?.secret;
}
