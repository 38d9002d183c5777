import type { InStatement, InValue } from '@libsql/client';

/** The trigger keys of an order's ask and reminder (reviews/push/plan-review-messages.ts). */
export const askKey = (orderId: string, n: 1 | 2) => `order:${orderId}#${n}`;

/**
 * Cancels an order's `review_request` push messages still waiting (the ask and the reminder), with the reason
 * marketers read in the messages list; `onlyIf` is an SQL condition that must hold as the statement runs.
 */
export function cancelOrderMessages(siteId: string, orderId: string, reason: string, now: number, onlyIf?: { sql: string; args: InValue[] }): InStatement {
  return {
    sql: `UPDATE messages SET status = 'cancelled', reason = ?, due_at = NULL, claim_until = NULL, updated_at = ?
          WHERE site_id = ? AND campaign = 'review_request' AND trigger_key IN (?, ?) AND status IN ('scheduled', 'deferred')${onlyIf ? ` AND (${onlyIf.sql})` : ''}`,
    args: [reason, now, siteId, askKey(orderId, 1), askKey(orderId, 2), ...(onlyIf?.args ?? [])],
  };
}
