import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { sites, type Site } from '../db/schema/sites.ts';
import { randomId } from './keys.ts';
import { normalizeOrigin } from './origins.ts';
import { createPushKeys } from '../push/keys/site-push-keys.ts';
import { createReviewSecret } from '../reviews/keys/review-secret.ts';

export interface CreateSiteInput {
  name: string;
  origins: string[];
  /** fixed ids for the demo and tests; random otherwise */
  id?: string;
  publicKey?: string;
  /** the VAPID contact (mailto: or https:); push stays off until it is set */
  pushSubject?: string;
}

export async function createSite(db: Db, input: CreateSiteInput, now: number): Promise<Site> {
  const name = input.name.trim();
  if (!name || name.length > 200) throw new Error('site name must be 1-200 characters');
  if (input.origins.length === 0) throw new Error('a site needs at least one allowed origin (--origin https://shop.example)');
  const site: Site = {
    id: input.id ?? randomId('site_', 12),
    name,
    publicKey: input.publicKey ?? randomId('pk_', 20),
    allowedOrigins: [...new Set(input.origins.map(normalizeOrigin))],
    createdAt: now,
  };
  await db.orm.insert(sites).values(site);
  await createPushKeys(db, site.id, now, input.pushSubject ?? null);
  await createReviewSecret(db, site.id, now);
  return site;
}

export async function listSites(db: Db): Promise<Site[]> {
  return db.orm.select().from(sites).orderBy(sites.createdAt);
}

export async function findSiteByKey(db: Db, publicKey: string): Promise<Site | undefined> {
  return db.orm.query.sites.findFirst({ where: eq(sites.publicKey, publicKey) });
}

export async function findSite(db: Db, idOrKey: string): Promise<Site | undefined> {
  return (await db.orm.query.sites.findFirst({ where: eq(sites.id, idOrKey) })) ?? findSiteByKey(db, idOrKey);
}

/** The exact tag a shop owner pastes into every page. */
export function snippetFor(site: Pick<Site, 'publicKey'>, serverUrl: string): string {
  const base = serverUrl.replace(/\/+$/, '');
  return `<script async src="${base}/shoploop.js" data-site="${site.publicKey}"></script>`;
}

/** The one line of the file a shop serves as /shoploop-sw.js to receive web push. */
export function serviceWorkerLine(serverUrl: string): string {
  return `importScripts('${serverUrl.replace(/\/+$/, '')}/sw.js');`;
}
