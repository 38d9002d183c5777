import type { InStatement } from '@libsql/client';
import type { Db } from '../../db/client.ts';
import type { ReviewStatus } from '../../db/schema/reviews.ts';
import { conflict, forbidden } from '../../http/errors.ts';
import { randomId } from '../../sites/keys.ts';
import type { serverEvents } from '../../collect/vocabulary.ts';
import type { ReviewSettings } from '../settings.ts';
import { requestForToken } from '../tokens/token-for-request.ts';
import { cancelOrderMessages } from '../requests/cancel-statements.ts';
import { spamSign, textKey, type ReviewText } from './spam.ts';

const REVIEW_SUBMITTED: (typeof serverEvents)[number] = 'review_submitted';

export interface ReviewInput extends ReviewText {
  token: string;
  itemId: string;
  rating: number;
}

export interface SubmittedReview {
  id: string;
  status: ReviewStatus;
}

/**
 * Stores a buyer's review of one item of their order, or refuses it having stored nothing: 403 for a token
 * that is bad, expired, tampered with or not for this item, 409 for an item its order already reviewed. In
 * the same transaction: the person's `review_submitted` event (their visitor view, their lifecycle), and once
 * every item of the order is reviewed, the request completed and its waiting push messages cancelled. Text is
 * stored as given. Whether it is published at once depends on spam signs and the site's auto-publish, never on
 * the rating.
 */
export async function submitReview(db: Db, siteId: string, input: ReviewInput, settings: ReviewSettings, now: number): Promise<SubmittedReview> {
  const request = await requestForToken(db, siteId, input.token, now);
  if (!request.items.some((i) => i.id === input.itemId)) throw forbidden('this review token is not for that item');
  const taken = await db.client.execute({ sql: 'SELECT 1 FROM reviews WHERE site_id = ? AND order_id = ? AND item_id = ?', args: [siteId, request.orderId, input.itemId] });
  if (taken.rows.length > 0) throw conflict('this item of this order has been reviewed already');

  const key = textKey(input.body);
  const copy = key !== null && (await db.client.execute({ sql: 'SELECT 1 FROM reviews WHERE site_id = ? AND text_key = ? LIMIT 1', args: [siteId, key] })).rows.length > 0;
  const held = spamSign(input) ?? (copy ? 'the same text as another review' : null);
  const status: ReviewStatus = held === null && settings.autoPublish ? 'published' : 'pending';
  const heldReason = held ?? (settings.autoPublish ? null : 'waiting for moderation (auto-publish is off)');
  const id = randomId('rev_', 20);

  const statements: InStatement[] = [
    {
      sql: `INSERT OR IGNORE INTO reviews (id, site_id, request_id, order_id, item_id, visitor_id, rating, title, body, author, status, held_reason, text_key, created_at, published_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [id, siteId, request.id, request.orderId, input.itemId, request.visitorId, input.rating, input.title, input.body, input.author, status, heldReason, key, now, status === 'published' ? now : null, now],
    },
    reviewEvent(siteId, request.visitorId, id, { items: [{ item_id: input.itemId }], transaction_id: request.orderId, review_id: id, rating: input.rating }, now),
    touchPerson(siteId, request.visitorId, now),
    {
      sql: `UPDATE review_requests SET status = 'completed', reason = 'every item reviewed', updated_at = ?1
            WHERE id = ?2 AND status = 'scheduled' AND NOT EXISTS (
              SELECT 1 FROM json_each(review_requests.items) j
              WHERE json_extract(j.value, '$.id') NOT IN (SELECT item_id FROM reviews WHERE site_id = ?3 AND order_id = ?4))`,
      args: [now, request.id, siteId, request.orderId],
    },
    cancelOrderMessages(siteId, request.orderId, 'every item of the order is reviewed', now, { sql: `EXISTS (SELECT 1 FROM review_requests WHERE id = ? AND status = 'completed')`, args: [request.id] }),
  ];
  const [inserted] = await db.write.run(statements);
  if (inserted === 0) throw conflict('this item of this order has been reviewed already'); // a second tab won the race
  return { id, status };
}

/**
 * The person's `review_submitted` event, written by the server (pages cannot send it: collect/vocabulary.ts),
 * only if its review was stored. In the session the visitor reported last, so it does not end the session's
 * product interest.
 */
function reviewEvent(siteId: string, visitorId: string, reviewId: string, params: Record<string, unknown>, now: number): InStatement {
  return {
    sql: `INSERT OR IGNORE INTO events (site_id, event_id, visitor_id, session_id, name, client_ts, received_at, url, referrer, time_zone, params)
          SELECT ?1, ?2, ?3, coalesce(v.last_session_id, 'review'), ?7, ?4, ?4, NULL, NULL, v.time_zone, ?5
          FROM (SELECT 1) LEFT JOIN visitors v ON v.site_id = ?1 AND v.visitor_id = ?3
          WHERE EXISTS (SELECT 1 FROM reviews WHERE id = ?6)`,
    args: [siteId, `review:${reviewId}`, visitorId, now, JSON.stringify(params), reviewId, REVIEW_SUBMITTED],
  };
}

/** Makes the reviewer's person due for the lifecycle now, as a stored batch does (collect/event-writer.ts). */
function touchPerson(siteId: string, visitorId: string, now: number): InStatement {
  return {
    sql: `INSERT INTO profiles (site_id, profile_id, touched, due_at, updated_at)
          SELECT site_id, CASE WHEN customer_id IS NULL THEN 'v:' || visitor_id ELSE 'c:' || customer_id END, 1, ?, ? FROM visitors WHERE site_id = ? AND visitor_id = ?
          ON CONFLICT (site_id, profile_id) DO UPDATE SET touched = touched + 1, due_at = min(coalesce(due_at, excluded.due_at), excluded.due_at)`,
    args: [now, now, siteId, visitorId],
  };
}
