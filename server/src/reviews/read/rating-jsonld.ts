import type { Db } from '../../db/client.ts';
import { isoTime } from '../../clock.ts';
import { trustedProduct } from '../../catalog/trust/index.ts';
import { PAGE_SIZE, ratingSummary } from './item-reviews.ts';

/** what a review without an author's name is shown as: search engines want every review to have an author */
export const ANONYMOUS_AUTHOR = 'Verified buyer';

const rating = (value: number) => ({ '@type': 'Rating', ratingValue: value, bestRating: 5, worstRating: 1 });

/**
 * schema.org `Product` with `aggregateRating` and the newest published reviews, for a shop to put in its
 * product page's own HTML (search engines show stars only from there). Name, image and link come from the
 * trusted catalog; the item id stands in for an unknown product's name. Without published reviews there is
 * no `aggregateRating` (a rating of zero reviews is invalid) and no `review`.
 */
export async function productJsonLd(db: Db, site: { id: string; allowedOrigins: string[] }, itemId: string): Promise<Record<string, unknown>> {
  const product = await trustedProduct(db, site, itemId);
  const summary = await ratingSummary(db, site.id, itemId);
  const out: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product?.name ?? itemId,
    sku: itemId,
    ...(product?.image ? { image: product.image } : {}),
    ...(product?.url ? { url: product.url } : {}),
  };
  if (summary.count === 0) return out;
  const rs = await db.client.execute({
    sql: `SELECT rating, title, body, author, coalesce(published_at, created_at) AS at FROM reviews
          WHERE site_id = ? AND item_id = ? AND status = 'published' ORDER BY created_at DESC, id LIMIT ?`,
    args: [site.id, itemId, PAGE_SIZE],
  });
  out.aggregateRating = { '@type': 'AggregateRating', ratingValue: summary.average, bestRating: 5, worstRating: 1, ratingCount: summary.count, reviewCount: summary.count };
  out.review = rs.rows.map((r) => ({
    '@type': 'Review',
    datePublished: isoTime(Number(r.at)).slice(0, 10),
    reviewRating: rating(Number(r.rating)),
    author: { '@type': 'Person', name: r.author === null || String(r.author).trim() === '' ? ANONYMOUS_AUTHOR : String(r.author) },
    ...(r.title !== null ? { name: String(r.title) } : {}),
    ...(r.body !== null ? { reviewBody: String(r.body) } : {}),
  }));
  return out;
}
