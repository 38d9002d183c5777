import type { Row } from '@libsql/client';
import { isoTime } from '../../clock.ts';
import type { ReviewStatus } from '../../db/schema/reviews.ts';

/** A published review as shops and shoppers read it: text exactly as the buyer gave it (escape it when shown). */
export interface PublicReview {
  id: string;
  rating: number;
  title: string | null;
  body: string | null;
  author: string | null;
  createdAt: string;
  helpful: number;
  /** the shop's public reply */
  reply: { body: string; createdAt: string } | null;
}

/** What moderation sees besides: whose order, why it waits, when it was decided. */
export interface AdminReview extends PublicReview {
  siteId: string;
  itemId: string;
  orderId: string;
  visitorId: string;
  status: ReviewStatus;
  heldReason: string | null;
  publishedAt: string | null;
  moderatedAt: string | null;
}

export const REVIEW_COLUMNS =
  'id, site_id, item_id, order_id, visitor_id, rating, title, body, author, status, held_reason, helpful, reply_body, reply_at, created_at, published_at, moderated_at';

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const time = (v: unknown) => (v === null || v === undefined ? null : isoTime(Number(v)));

export function publicReviewOf(r: Row): PublicReview {
  return {
    id: String(r.id),
    rating: Number(r.rating),
    title: str(r.title),
    body: str(r.body),
    author: str(r.author),
    createdAt: isoTime(Number(r.created_at)),
    helpful: Number(r.helpful),
    reply: r.reply_body === null ? null : { body: String(r.reply_body), createdAt: isoTime(Number(r.reply_at)) },
  };
}

export function adminReviewOf(r: Row): AdminReview {
  return {
    ...publicReviewOf(r),
    siteId: String(r.site_id),
    itemId: String(r.item_id),
    orderId: String(r.order_id),
    visitorId: String(r.visitor_id),
    status: String(r.status) as ReviewStatus,
    heldReason: str(r.held_reason),
    publishedAt: time(r.published_at),
    moderatedAt: time(r.moderated_at),
  };
}
