import type { Db } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';

/**
 * A visitor finds a published review helpful: counted once per visitor (a repeat changes nothing). The count
 * is recounted from the votes in the same transaction, so it cannot drift. Returns the count.
 */
export async function voteHelpful(db: Db, siteId: string, reviewId: string, visitorId: string, now: number): Promise<number> {
  const found = await db.client.execute({ sql: `SELECT 1 FROM reviews WHERE id = ? AND site_id = ? AND status = 'published'`, args: [reviewId, siteId] });
  if (found.rows.length === 0) throw notFound(`no published review "${reviewId}"`);
  await db.write.run([
    { sql: 'INSERT OR IGNORE INTO review_helpful_votes (review_id, visitor_id, at) VALUES (?, ?, ?)', args: [reviewId, visitorId, now] },
    { sql: 'UPDATE reviews SET helpful = (SELECT count(*) FROM review_helpful_votes WHERE review_id = ?1) WHERE id = ?1', args: [reviewId] },
  ]);
  const rs = await db.client.execute({ sql: 'SELECT helpful FROM reviews WHERE id = ?', args: [reviewId] });
  return Number(rs.rows[0]!.helpful);
}
