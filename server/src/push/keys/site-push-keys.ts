import { eq, isNull } from 'drizzle-orm';
import webPush from 'web-push';
import type { Db } from '../../db/client.ts';
import { pushKeys, sites } from '../../db/schema/index.ts';

export interface SitePushKeys {
  publicKey: string;
  privateKey: string;
  /** the shop's contact for push services; null until set: push is off for the site */
  subject: string | null;
}

/** A new VAPID key pair for a site (P-256, base64url), stored beside it; the private key never leaves the server. */
export async function createPushKeys(db: Db, siteId: string, now: number, subject: string | null = null): Promise<void> {
  const { publicKey, privateKey } = webPush.generateVAPIDKeys();
  await db.orm.insert(pushKeys).values({ siteId, publicKey, privateKey, subject, createdAt: now }).onConflictDoNothing();
}

/**
 * Gives every site that has none its key pair: the data half of migration 0003, run after the SQL migrations
 * (SQLite cannot make EC keys). Idempotent, so every start and `npm run migrate` may run it.
 */
export async function backfillPushKeys(db: Db, now: number): Promise<number> {
  const missing = await db.orm.select({ id: sites.id }).from(sites).leftJoin(pushKeys, eq(pushKeys.siteId, sites.id)).where(isNull(pushKeys.siteId));
  for (const { id } of missing) await createPushKeys(db, id, now);
  return missing.length;
}

export async function readPushKeys(db: Db, siteId: string): Promise<SitePushKeys | undefined> {
  const row = await db.orm.query.pushKeys.findFirst({ where: eq(pushKeys.siteId, siteId) });
  return row && { publicKey: row.publicKey, privateKey: row.privateKey, subject: row.subject };
}

/**
 * The VAPID subject: how a push service reaches the shop. Push services refuse a localhost contact, so a
 * `mailto:` address or an `https:` URL on a real host is required.
 */
export function checkPushSubject(subject: string): string | null {
  let url: URL;
  try {
    url = new URL(subject);
  } catch {
    return 'must be a mailto: address or an https: URL';
  }
  if (subject.length > 320) return 'must be at most 320 characters';
  if (url.protocol === 'mailto:') return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(url.pathname) && !/@localhost$/i.test(url.pathname) ? null : 'needs a real e-mail address (mailto:owner@shop.example)';
  if (url.protocol !== 'https:') return 'must be a mailto: address or an https: URL';
  if (/^(localhost|127\.|\[::1\]|0\.0\.0\.0)/i.test(url.hostname) || !url.hostname.includes('.')) return 'must not be localhost: push services refuse it';
  return null;
}

export async function setPushSubject(db: Db, siteId: string, subject: string): Promise<void> {
  const problem = checkPushSubject(subject);
  if (problem) throw new Error(`push contact ${problem}`);
  await db.orm.update(pushKeys).set({ subject }).where(eq(pushKeys.siteId, siteId));
}
