import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { sites, type Site } from '../db/schema/sites.ts';
import { createSite, findSite } from '../sites/sites.ts';
import { readPushKeys, setPushSubject } from '../push/keys/site-push-keys.ts';

export const DEMO_SITE_ID = 'site_demo';
export const DEMO_SITE_KEY = 'pk_demo';
/** The demo shop's contact for push services (they refuse localhost; example.com's mail goes nowhere). */
export const DEMO_PUSH_CONTACT = 'mailto:demo-shop@shoploop.example';

/** The demo shop's site, created on first start; its allowed origins follow the shop's port. */
export async function ensureDemoSite(db: Db, shopOrigin: string): Promise<Site> {
  const existing = await findSite(db, DEMO_SITE_ID);
  if (!existing) return createSite(db, { id: DEMO_SITE_ID, publicKey: DEMO_SITE_KEY, name: 'Demo shop', origins: [shopOrigin], pushSubject: DEMO_PUSH_CONTACT }, Date.now());
  // a demo database from before web push has its key pair (backfilled) but no contact yet
  if (!(await readPushKeys(db, DEMO_SITE_ID))?.subject) await setPushSubject(db, DEMO_SITE_ID, DEMO_PUSH_CONTACT);
  if (existing.allowedOrigins.includes(shopOrigin)) return existing;
  const allowedOrigins = [...existing.allowedOrigins, shopOrigin];
  await db.orm.update(sites).set({ allowedOrigins }).where(eq(sites.id, DEMO_SITE_ID));
  return { ...existing, allowedOrigins };
}
