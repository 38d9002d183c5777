import type { Site } from '../db/schema/sites.ts';
import { forbidden, notFound } from '../http/errors.ts';
import type { SiteCache } from './site-cache.ts';

/**
 * The site a browser page may act for: its public key must be known and the request's Origin on the site's
 * list. Every browser-facing route (collect, me, recommendations) asks this one question the same way.
 */
export async function siteForPage(siteCache: SiteCache, publicKey: string, origin: string | undefined): Promise<Site> {
  const site = await siteCache.byKey(publicKey);
  if (!site) throw notFound(`unknown site "${publicKey}": check data-site in the script tag`);
  if (!origin) throw forbidden('the request has no Origin header; only pages on the site\'s allowed origins may call this');
  if (!site.allowedOrigins.includes(origin)) {
    throw forbidden(`origin ${origin} is not allowed for this site; add it with: npm run shoploop -- site add-origin ${site.id} ${origin}`);
  }
  return site;
}
