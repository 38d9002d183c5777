import type { Db } from '../../db/client.ts';

export const pageTypes = ['home', 'product', 'category', 'search', 'cart', 'checkout', 'confirmation', 'other'] as const;
export type PageType = (typeof pageTypes)[number];

/** product links read to recognise product pages: enough for most catalogs, bounded on a huge one */
const MAX_PRODUCT_URLS = 20_000;

// Paths as shop platforms write them (Shopify, WooCommerce, Magento, Shopware, the demo shop), first match wins.
const PATTERNS: Array<[RegExp, PageType]> = [
  [/^\/?$/, 'home'],
  [/\/(cart|basket|bag|warenkorb|panier)(\/|$|\.)/i, 'cart'],
  [/\/(checkout|kasse|commande)(\/|$|\.)/i, 'checkout'],
  [/\/(order|orders|thank[-_]?you|confirmation|success|order-received)(\/|$|\.)/i, 'confirmation'],
  [/\/(search|suche|recherche)(\/|$|\.)/i, 'search'],
  [/\/(p|product|products|item|items|dp|artikel|produit)\/[^/]+/i, 'product'],
  [/\/(c|category|categories|collections?|catalog|shop|kategorie)(\/|$)/i, 'category'],
];

/**
 * The kind of page a recommendation block was on, from the event's page URL: a product page when the path is
 * one of the catalog's product links, else by the path's usual words; `other` when nothing says.
 */
export type PageTypeOf = (url: string | null) => PageType;

export async function pageTypeClassifier(db: Db, siteId: string): Promise<PageTypeOf> {
  const rs = await db.client.execute({ sql: 'SELECT url FROM products WHERE site_id = ? AND url IS NOT NULL LIMIT ?', args: [siteId, MAX_PRODUCT_URLS] });
  const productPaths = new Set(rs.rows.map((r) => pathOf(String(r.url))).filter((p) => p !== null && p !== '/'));
  const cache = new Map<string, PageType>();
  return (url) => {
    if (!url) return 'other';
    let type = cache.get(url);
    if (type === undefined) {
      type = classify(url, productPaths);
      if (cache.size < 100_000) cache.set(url, type);
    }
    return type;
  };
}

function classify(url: string, productPaths: Set<string | null>): PageType {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'other';
  }
  const path = parsed.pathname.replace(/\/+$/, '') || '/';
  if (productPaths.has(path)) return 'product';
  if (path === '/' && /[?&](q|s|search)=/.test(parsed.search)) return 'search';
  for (const [pattern, type] of PATTERNS) if (pattern.test(path)) return type;
  return 'other';
}

function pathOf(url: string): string | null {
  try {
    return new URL(url).pathname.replace(/\/+$/, '') || '/';
  } catch {
    return null;
  }
}
