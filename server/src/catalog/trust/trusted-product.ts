import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { products } from '../../db/schema/catalog.ts';
import { safeImageUrl, safeShopUrl } from './safe-urls.ts';

export interface TrustedProduct {
  itemId: string;
  name: string | null;
  price: number | null;
  currency: string | null;
  image: string | null;
  url: string | null;
  availability: string | null;
  /** when the feed's sale price ends (null: no sale, or no end) */
  saleEndsAt: number | null;
}

/**
 * What a message may show of a product: its trusted fields (`products` holds no others), the URL only on one
 * of the site's allowed origins, the image only over https; null fields otherwise. Null for a product the
 * catalog does not know, or that the shop hid.
 */
export async function trustedProduct(db: Db, site: { id: string; allowedOrigins: string[] }, itemId: string): Promise<TrustedProduct | null> {
  const [p] = await db.orm
    .select()
    .from(products)
    .where(and(eq(products.siteId, site.id), eq(products.itemId, itemId)))
    .limit(1);
  if (!p || p.hidden) return null;
  return {
    itemId: p.itemId,
    name: p.name,
    price: p.price,
    currency: p.currency,
    image: safeImageUrl(p.image, site.allowedOrigins),
    url: safeShopUrl(p.url, site.allowedOrigins),
    availability: p.availability,
    saleEndsAt: p.saleEndsAt,
  };
}
