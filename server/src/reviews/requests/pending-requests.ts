import { isoTime } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import type { Site } from '../../db/schema/sites.ts';
import { trustedProduct } from '../../catalog/trust/index.ts';
import { readReviewSecret } from '../keys/review-secret.ts';
import { tokenOf } from '../tokens/token-for-request.ts';
import { personVisitorsSql } from './person.ts';
import { REQUEST_COLUMNS, requestOfRow } from './request-row.ts';

export interface PendingRequestView {
  token: string;
  orderId: string;
  expiresAt: string;
  items: Array<{ itemId: string; name: string | null; image: string | null }>;
}

/** a returning buyer is asked about a few orders at a time, newest first */
const MAX_SHOWN = 5;

/**
 * What the on-site card asks the person behind a visitor (all their devices once identified): requests whose
 * ask has come, not expired, not snoozed ("not now" until the reminder), not cancelled, each with its token
 * and the items not reviewed yet. Names and images come from the trusted catalog; a product it does not know
 * (yet) keeps the name the buyer's own purchase event gave, and no image.
 */
export async function pendingRequests(db: Db, site: Site, visitorId: string, now: number): Promise<PendingRequestView[]> {
  const rs = await db.client.execute({
    sql: `SELECT ${REQUEST_COLUMNS}, (SELECT json_group_array(item_id) FROM reviews w WHERE w.site_id = r.site_id AND w.order_id = r.order_id) AS reviewed
          FROM review_requests r
          WHERE r.site_id = ?1 AND r.visitor_id IN (${personVisitorsSql('?1', '?2')}) AND r.status = 'scheduled'
            AND r.ask_at <= ?3 AND r.expires_at > ?3 AND (r.snoozed_until IS NULL OR r.snoozed_until <= ?3)
          ORDER BY r.ask_at DESC LIMIT ${MAX_SHOWN}`,
    args: [site.id, visitorId, now],
  });
  if (rs.rows.length === 0) return [];
  const secret = await readReviewSecret(db, site.id, now);
  const out: PendingRequestView[] = [];
  for (const row of rs.rows) {
    const request = requestOfRow(row);
    const reviewed = new Set(JSON.parse(String(row.reviewed)) as string[]);
    const items = [];
    for (const item of request.items.filter((i) => !reviewed.has(i.id))) {
      const product = await trustedProduct(db, site, item.id);
      items.push({ itemId: item.id, name: product?.name ?? item.name, image: product?.image ?? null });
    }
    if (items.length > 0) out.push({ token: tokenOf(secret, request), orderId: request.orderId, expiresAt: isoTime(request.expiresAt), items });
  }
  return out;
}
