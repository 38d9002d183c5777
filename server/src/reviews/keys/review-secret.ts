import { randomBytes } from 'node:crypto';
import { eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { reviewKeys, sites } from '../../db/schema/index.ts';

/** A new 256-bit secret for a site's review tokens, stored beside it; never served. */
export async function createReviewSecret(db: Db, siteId: string, now: number): Promise<void> {
  await db.orm.insert(reviewKeys).values({ siteId, secret: randomBytes(32).toString('base64url'), createdAt: now }).onConflictDoNothing();
}

/**
 * Gives every site that has none its secret: the data half of the reviews migration, run after the SQL
 * migrations as the VAPID keys' backfill is. Idempotent, so every start and `npm run migrate` may run it.
 */
export async function backfillReviewSecrets(db: Db, now: number): Promise<number> {
  const missing = await db.orm.select({ id: sites.id }).from(sites).leftJoin(reviewKeys, eq(reviewKeys.siteId, sites.id)).where(isNull(reviewKeys.siteId));
  for (const { id } of missing) await createReviewSecret(db, id, now);
  return missing.length;
}

/** The site's secret as bytes; a site made by hand in the database without one gets it now. */
export async function readReviewSecret(db: Db, siteId: string, now: number): Promise<Buffer> {
  let row = await db.orm.query.reviewKeys.findFirst({ where: eq(reviewKeys.siteId, siteId) });
  if (!row) {
    await createReviewSecret(db, siteId, now);
    row = await db.orm.query.reviewKeys.findFirst({ where: eq(reviewKeys.siteId, siteId) });
  }
  return Buffer.from(row!.secret, 'base64url');
}
