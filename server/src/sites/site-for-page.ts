import type { Site } from '../db/schema/sites.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { pageOrigin, type RequestHeaders } from '../http/page-origin.ts';
import type { SiteCache } from './site-cache.ts';

/**
 * The site a browser page may act for: its public key must be known and the page on one of the site's
 * origins. Every browser-facing route (collect, me, recommendations, and whatever the widget calls next) asks
 * this one question the same way; pass the request's headers (Hono's `c.req`).
 *
 * Where the page is comes only from headers a page elsewhere cannot write (http/page-origin.ts): the Origin
 * header when there is one (cross-origin calls, every POST); without it — a same-origin GET, which is what a
 * browser sends when Shoploop is proxied under the shop's own origin — `Sec-Fetch-Site: same-origin` with the
 * Host the browser addressed, or the Referer. So a page on another site is refused whether it calls Shoploop
 * directly or the shop's proxy, and whatever it strips. A client outside a browser can write any header, but
 * it could always claim an allowed Origin too: this rule keeps other sites' pages out, not scripts.
 */
export async function siteForPage(siteCache: SiteCache, publicKey: string, headers: RequestHeaders): Promise<Site> {
  const site = await siteCache.byKey(publicKey);
  if (!site) throw notFound(`unknown site "${publicKey}": check data-site in the script tag`);
  const page = pageOrigin(headers);
  if (page.kind === 'declared') {
    if (site.allowedOrigins.includes(page.origin)) return site;
    throw forbidden(`origin ${page.origin} is not allowed for this site; add it with: npm run shoploop -- site add-origin ${site.id} ${page.origin}`);
  }
  if (page.kind === 'none') {
    throw forbidden('the request has no Origin header, and no Sec-Fetch-Site: same-origin or Referer to stand for it; only pages on the site\'s allowed origins may call this');
  }
  if (page.origins.some((origin) => site.allowedOrigins.includes(origin))) return site;
  const proxyHint = page.requestOrigin
    ? ` (a same-origin request that reached Shoploop as ${page.requestOrigin}: a reverse proxy must pass on the browser's Host and set X-Forwarded-Proto, as in the README)`
    : '';
  throw forbidden(`the page's origin ${page.origins.join(' / ')} is not allowed for this site${proxyHint}`);
}
