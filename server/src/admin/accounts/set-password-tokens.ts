import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { adminPasswordTokens } from '../../db/schema/admin-accounts.ts';
import { randomId, sha256 } from '../../sites/keys.ts';

export const SET_PASSWORD_TTL_MS = 24 * 3_600_000;

/** A one-time link's token, valid 24 h; only its SHA-256 is stored, so a copy of the database cannot use it. */
export async function issueSetPasswordToken(db: Db, userId: string, now: number): Promise<string> {
  const token = randomId('slsp_', 32);
  await db.orm.delete(adminPasswordTokens).where(lte(adminPasswordTokens.expiresAt, now));
  await db.orm.insert(adminPasswordTokens).values({ tokenHash: sha256(token), userId, createdAt: now, expiresAt: now + SET_PASSWORD_TTL_MS });
  return token;
}

/**
 * Spends a token: the row is deleted by the same statement that reads it, so of two concurrent uses (on any
 * instances) only one gets the user id. Null when unknown, used or expired.
 */
export async function consumeSetPasswordToken(db: Db, token: string, now: number): Promise<string | null> {
  const [row] = await db.orm
    .delete(adminPasswordTokens)
    .where(and(eq(adminPasswordTokens.tokenHash, sha256(token)), gt(adminPasswordTokens.expiresAt, now)))
    .returning({ userId: adminPasswordTokens.userId });
  return row?.userId ?? null;
}
