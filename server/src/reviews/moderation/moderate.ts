import type { Db } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { adminReviewOf, REVIEW_COLUMNS, type AdminReview } from '../read/review-views.ts';

/**
 * The shop's decisions. Publishing or rejecting is allowed from any state (a rejection can be undone); a
 * reply is public and shown under the review, null removes it. Nothing is ever hidden or rejected
 * automatically: negative reviews are the shop's to answer, not to bury.
 */
export async function setReviewStatus(db: Db, id: string, status: 'published' | 'rejected', now: number): Promise<AdminReview> {
  return updated(db, {
    sql: `UPDATE reviews SET status = ?, published_at = CASE WHEN ? = 'published' THEN coalesce(published_at, ?) ELSE published_at END,
            moderated_at = ?, updated_at = ? WHERE id = ? RETURNING ${REVIEW_COLUMNS}`,
    args: [status, status, now, now, now, id],
  }, id);
}

export async function replyToReview(db: Db, id: string, body: string | null, now: number): Promise<AdminReview> {
  return updated(db, {
    sql: `UPDATE reviews SET reply_body = ?, reply_at = ?, updated_at = ? WHERE id = ? RETURNING ${REVIEW_COLUMNS}`,
    args: [body, body === null ? null : now, now, id],
  }, id);
}

async function updated(db: Db, statement: { sql: string; args: Array<string | number | null> }, id: string): Promise<AdminReview> {
  const rs = await db.client.execute(statement);
  if (!rs.rows[0]) throw notFound(`no review "${id}"`);
  return adminReviewOf(rs.rows[0]);
}
