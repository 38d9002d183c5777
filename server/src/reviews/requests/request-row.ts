import type { Row } from '@libsql/client';
import type { RequestItem, ReviewRequestStatus } from '../../db/schema/reviews.ts';

/** A review request as the routes read it. */
export interface ReviewRequest {
  id: string;
  siteId: string;
  orderId: string;
  visitorId: string;
  items: RequestItem[];
  askAt: number;
  remindAt: number | null;
  expiresAt: number;
  status: ReviewRequestStatus;
}

export const REQUEST_COLUMNS = 'id, site_id, order_id, visitor_id, items, ask_at, remind_at, expires_at, status';

export function requestOfRow(r: Row): ReviewRequest {
  return {
    id: String(r.id),
    siteId: String(r.site_id),
    orderId: String(r.order_id),
    visitorId: String(r.visitor_id),
    items: JSON.parse(String(r.items)) as RequestItem[],
    askAt: Number(r.ask_at),
    remindAt: r.remind_at === null ? null : Number(r.remind_at),
    expiresAt: Number(r.expires_at),
    status: String(r.status) as ReviewRequestStatus,
  };
}
