import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { meta } from '../db/schema/sites.ts';
import { randomId, sha256 } from '../sites/keys.ts';

const KEY = 'admin_token_sha256';

export interface AdminTokenState {
  hash: string;
  /** set only when this call generated the token: the one time it can be shown */
  generated?: string;
}

/**
 * The admin token's hash: from SHOPLOOP_ADMIN_TOKEN when set, else the one stored in the database (shared by
 * every instance), else a new token generated now, stored hashed and returned once so it can be printed.
 */
export async function ensureAdminToken(db: Db, fromEnv: string | undefined): Promise<AdminTokenState> {
  if (fromEnv) return { hash: sha256(fromEnv) };
  const stored = await storedHash(db);
  return stored === undefined ? resetAdminToken(db) : { hash: stored };
}

/**
 * What checks a bearer token: SHOPLOOP_ADMIN_TOKEN's hash when set, else the stored hash read on every request,
 * so `admin reset-token` takes effect at once on every running instance (an empty hash matches nothing).
 */
export function adminTokenHashSource(db: Db, fromEnv: string | undefined): () => Promise<string> {
  if (fromEnv) {
    const hash = sha256(fromEnv);
    return async () => hash;
  }
  return async () => (await storedHash(db)) ?? '';
}

const storedHash = async (db: Db) => (await db.orm.query.meta.findFirst({ where: eq(meta.key, KEY) }))?.value;

export async function resetAdminToken(db: Db): Promise<AdminTokenState> {
  const token = randomId('slat_', 32);
  const hash = sha256(token);
  await db.orm.insert(meta).values({ key: KEY, value: hash }).onConflictDoUpdate({ target: meta.key, set: { value: hash } });
  return { hash, generated: token };
}
