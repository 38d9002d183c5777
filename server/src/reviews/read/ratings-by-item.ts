import type { InValue } from '@libsql/client';
import type { Db } from '../../db/client.ts';
import type { Period } from '../../lifecycle/read/period.ts';

export interface ItemRating {
  itemId: string;
  /** the catalog's trusted name, null until there is one */
  name: string | null;
  /** published reviews, and their average (one decimal, as the shop's pages show it) */
  count: number;
  average: number | null;
  /** reviews waiting for moderation */
  pending: number;
}

/**
 * Ratings per product for the Reviews page: published count and average, and what waits in the queue; the
 * products with most published reviews first. One pass over the site's reviews (reviews_site_status_idx),
 * optionally only those written in a period.
 */
export async function ratingsByItem(db: Db, siteId: string, period: Period | null, limit: number): Promise<ItemRating[]> {
  const args: InValue[] = [siteId];
  let when = '';
  if (period) {
    when = 'AND r.created_at >= ? AND r.created_at < ?';
    args.push(period.from, period.to);
  }
  const rs = await db.client.execute({
    sql: `SELECT r.item_id, p.name,
            sum(r.status = 'published') AS count,
            avg(CASE WHEN r.status = 'published' THEN r.rating END) AS average,
            sum(r.status = 'pending') AS pending
          FROM reviews r LEFT JOIN products p ON p.site_id = r.site_id AND p.item_id = r.item_id
          WHERE r.site_id = ? ${when}
          GROUP BY r.item_id ORDER BY count DESC, pending DESC, r.item_id LIMIT ?`,
    args: [...args, limit],
  });
  return rs.rows.map((r) => ({
    itemId: String(r.item_id),
    name: r.name === null ? null : String(r.name),
    count: Number(r.count),
    average: r.average === null ? null : Math.round(Number(r.average) * 10) / 10,
    pending: Number(r.pending),
  }));
}
