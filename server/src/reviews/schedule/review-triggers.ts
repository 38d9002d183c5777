import type { InStatement } from '@libsql/client';
import type { Db } from '../../db/client.ts';
import type { EvaluatedPerson, EvaluationHook } from '../../lifecycle/evaluation-hook.ts';
import type { SeqEvent } from '../../lifecycle/person-events.ts';
import { randomId } from '../../sites/keys.ts';
import type { RequestItem } from '../../db/schema/reviews.ts';
import { cancelOrderStatements } from '../requests/cancel-order.ts';
import { personVisitorsSql } from '../requests/person.ts';
import { DAY, type ReviewSettings } from '../settings.ts';
import { readReviewSettings } from '../site-review-config.ts';

/** items asked about per order: a review card and a token stay small */
export const MAX_ITEMS_PER_REQUEST = 20;

/**
 * Review requests, planned in the lifecycle scheduler's transaction with the purchase that makes them: each
 * purchase with a transaction id and items schedules one request for its order (a reloaded confirmation page
 * is the same order: the unique key). The rest of the decision is in the statement itself, so it sees the
 * database as the transaction does: the trusted catalog's category of each item (else the event's), a person
 * who said "don't ask", an order refunded or cancelled before its purchase was evaluated. A `refund` event
 * (written only by the server, from a shop's signed order webhooks) ends the order's request.
 */
export function reviewTriggers(db: Db): EvaluationHook {
  return {
    async forSite(siteId) {
      const settings = await readReviewSettings(db, siteId);
      return (person) => [...(settings.enabled ? scheduleReviewRequests(person, settings) : []), ...refundedOrders(person)];
    },
  };
}

export function scheduleReviewRequests(p: EvaluatedPerson, settings: ReviewSettings): InStatement[] {
  // a customer's devices folded again from scratch replay every old purchase: only a fresh one is asked about
  const horizon = Math.max(DAY, settings.requestAfterDays * DAY, ...Object.values(settings.categoryDelays).map((d) => d * DAY));
  const out: InStatement[] = [];
  for (const e of p.newEvents) {
    if (e.name !== 'purchase' || !e.params.transaction_id || p.now - e.receivedAt > horizon) continue;
    const items = purchasedItems(e);
    if (items.length > 0) out.push(insertRequest(p.siteId, e, e.params.transaction_id, items, settings, p.now));
  }
  return out;
}

/**
 * A refund of any part of an order, or its cancellation (GA4's refund without value and items), means the order
 * is not asked about: the buyer who sent something back is not the one to ask for a review of that order.
 */
export function refundedOrders(p: EvaluatedPerson): InStatement[] {
  return p.newEvents.flatMap((e) => {
    const orderId = e.params.transaction_id;
    if (e.name !== 'refund' || !orderId) return [];
    const cancelled = e.params.value === undefined && !e.params.items?.length;
    return cancelOrderStatements(p.siteId, orderId, cancelled ? 'cancelled' : 'refunded', p.now);
  });
}

/** The order's distinct items with the name and category its purchase event gave. */
function purchasedItems(e: SeqEvent): Array<RequestItem> {
  const out = new Map<string, RequestItem>();
  for (const raw of (e.params.items ?? []) as Array<Record<string, unknown>>) {
    const id = raw.item_id;
    if (typeof id !== 'string' || !id || out.has(id)) continue;
    out.set(id, { id, name: typeof raw.item_name === 'string' ? raw.item_name : null, category: typeof raw.item_category === 'string' ? raw.item_category : null });
    if (out.size >= MAX_ITEMS_PER_REQUEST) break;
  }
  return [...out.values()];
}

/**
 * ?1 site, ?2 request id, ?3 order, ?4 visitor, ?5 items JSON, ?6 purchase time, ?7 category delays JSON,
 * ?8 default delay (days), ?9 reminder (ms after the ask, or null), ?10 token life (ms after the ask), ?11 now.
 * The ask comes after the longest delay of the order's items.
 */
const INSERT_REQUEST = `WITH ask(at) AS (
    SELECT ?6 + CAST(round(max(coalesce(d.value, ?8)) * ${DAY}) AS INTEGER)
    FROM json_each(?5) i
    LEFT JOIN products p ON p.site_id = ?1 AND p.item_id = json_extract(i.value, '$.id')
    LEFT JOIN json_each(?7) d ON d.key = coalesce(p.category, json_extract(i.value, '$.category')))
  INSERT OR IGNORE INTO review_requests (id, site_id, order_id, visitor_id, items, purchased_at, ask_at, remind_at, expires_at, status, created_at, updated_at)
  SELECT ?2, ?1, ?3, ?4, json(?5), ?6, ask.at, CASE WHEN ?9 IS NULL THEN NULL ELSE ask.at + ?9 END, ask.at + ?10, 'scheduled', ?11, ?11 FROM ask
  WHERE NOT EXISTS (SELECT 1 FROM review_opt_outs o WHERE o.site_id = ?1 AND o.visitor_id IN (${personVisitorsSql('?1', '?4')}))
    AND NOT EXISTS (SELECT 1 FROM review_cancelled_orders c WHERE c.site_id = ?1 AND c.order_id = ?3)`;

function insertRequest(siteId: string, e: SeqEvent, orderId: string, items: Array<RequestItem>, s: ReviewSettings, now: number): InStatement {
  return {
    sql: INSERT_REQUEST,
    args: [
      siteId,
      randomId('rr_', 20),
      orderId,
      e.visitorId,
      JSON.stringify(items),
      e.receivedAt,
      JSON.stringify(s.categoryDelays),
      s.requestAfterDays,
      s.reminderAfterDays === null ? null : Math.round(s.reminderAfterDays * DAY),
      Math.round(s.tokenDays * DAY),
      now,
    ],
  };
}
