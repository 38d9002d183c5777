import type { Db } from '../../db/client.ts';
import { forbidden } from '../../http/errors.ts';
import { readReviewSecret } from '../keys/review-secret.ts';
import { REQUEST_COLUMNS, requestOfRow, type ReviewRequest } from '../requests/request-row.ts';
import { itemsDigest, signReviewToken, verifyReviewToken } from './review-token.ts';

/** The token a request is shown with: bound to its site, request, order and items, until the request expires. */
export function tokenOf(secret: Buffer, r: ReviewRequest): string {
  return signReviewToken(secret, { siteId: r.siteId, requestId: r.id, orderId: r.orderId, items: itemsDigest(r.items.map((i) => i.id)), expiresAt: r.expiresAt });
}

/**
 * The request a token stands for, or a 403: a token that is malformed, tampered with, signed with another
 * site's secret, expired, or whose request no longer matches it or was cancelled (refund, "don't ask").
 * Reads only; a refusal changes nothing.
 */
export async function requestForToken(db: Db, siteId: string, token: string, now: number): Promise<ReviewRequest> {
  const check = verifyReviewToken(await readReviewSecret(db, siteId, now), token, now);
  if (!check.ok) throw forbidden(check.reason === 'expired' ? 'this review link has expired' : 'invalid review token');
  const { claims } = check;
  const rs = await db.client.execute({ sql: `SELECT ${REQUEST_COLUMNS} FROM review_requests WHERE id = ? AND site_id = ?`, args: [claims.requestId, siteId] });
  const request = rs.rows[0] ? requestOfRow(rs.rows[0]) : null;
  if (!request || claims.siteId !== siteId || request.orderId !== claims.orderId || itemsDigest(request.items.map((i) => i.id)) !== claims.items) {
    throw forbidden('invalid review token');
  }
  if (request.status === 'cancelled') throw forbidden('this order is no longer open for reviews');
  return request;
}
