import type { Db } from '../../db/client.ts';
import { publicReviewOf, REVIEW_COLUMNS, type PublicReview } from './review-views.ts';

export const PAGE_SIZE = 10;

export interface RatingSummary {
  /** one decimal; null without published reviews */
  average: number | null;
  count: number;
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
}

export interface ItemReviewsPage {
  itemId: string;
  rating: RatingSummary;
  reviews: PublicReview[];
  page: number;
  pages: number;
}

/** Average, count and the 1–5 distribution of an item's published reviews. */
export async function ratingSummary(db: Db, siteId: string, itemId: string): Promise<RatingSummary> {
  const rs = await db.client.execute({
    sql: `SELECT rating, count(*) AS n FROM reviews WHERE site_id = ? AND item_id = ? AND status = 'published' GROUP BY rating`,
    args: [siteId, itemId],
  });
  const distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  let count = 0;
  let sum = 0;
  for (const r of rs.rows) {
    const rating = Number(r.rating);
    const n = Number(r.n);
    distribution[String(rating) as keyof typeof distribution] = n;
    count += n;
    sum += rating * n;
  }
  return { average: count ? Math.round((sum / count) * 10) / 10 : null, count, distribution };
}

/** One page (10) of an item's published reviews, newest first or most helpful first, with the summary. */
export async function itemReviews(db: Db, siteId: string, itemId: string, page: number, sort: 'newest' | 'helpful'): Promise<ItemReviewsPage> {
  const rating = await ratingSummary(db, siteId, itemId);
  const order = sort === 'helpful' ? 'helpful DESC, created_at DESC, id' : 'created_at DESC, id';
  const rs = await db.client.execute({
    sql: `SELECT ${REVIEW_COLUMNS} FROM reviews WHERE site_id = ? AND item_id = ? AND status = 'published' ORDER BY ${order} LIMIT ? OFFSET ?`,
    args: [siteId, itemId, PAGE_SIZE, (page - 1) * PAGE_SIZE],
  });
  return { itemId, rating, reviews: rs.rows.map(publicReviewOf), page, pages: Math.max(1, Math.ceil(rating.count / PAGE_SIZE)) };
}
