import type { InValue } from '@libsql/client';
import type { Db } from '../../db/client.ts';
import type { ReviewStatus } from '../../db/schema/reviews.ts';
import { adminReviewOf, REVIEW_COLUMNS, type AdminReview } from '../read/review-views.ts';

export interface ReviewFilter {
  siteId: string;
  status?: ReviewStatus | undefined;
  itemId?: string | undefined;
  limit: number;
  /** the `next` of the previous page: `<created_at>:<id>` */
  before?: string | undefined;
}

/** A site's reviews for moderation, newest first, with the cursor of the next page (null on the last). */
export async function listReviews(db: Db, f: ReviewFilter): Promise<{ reviews: AdminReview[]; next: string | null }> {
  const where = ['site_id = ?'];
  const args: InValue[] = [f.siteId];
  if (f.status) {
    where.push('status = ?');
    args.push(f.status);
  }
  if (f.itemId) {
    where.push('item_id = ?');
    args.push(f.itemId);
  }
  if (f.before) {
    const [at, id] = f.before.split(':') as [string, string];
    where.push('(created_at < ? OR (created_at = ? AND id < ?))');
    args.push(Number(at), Number(at), id);
  }
  const rs = await db.client.execute({
    sql: `SELECT ${REVIEW_COLUMNS} FROM reviews WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ?`,
    args: [...args, f.limit + 1],
  });
  const rows = rs.rows.slice(0, f.limit);
  const last = rows.at(-1);
  return { reviews: rows.map(adminReviewOf), next: rs.rows.length > f.limit && last ? `${Number(last.created_at)}:${String(last.id)}` : null };
}
