import type { InStatement } from '@libsql/client';
import type { Db } from '../../db/client.ts';
import type { CampaignSettings } from '../../campaigns/settings.ts';
import { planMessage, productTopic } from '../../campaigns/triggers/new-message.ts';
import { customerProfileId, visitorProfileId } from '../../lifecycle/profile-ids.ts';
import type { RequestItem } from '../../db/schema/reviews.ts';
import { askKey } from '../requests/cancel-statements.ts';
import { readReviewSettings } from '../site-review-config.ts';

const REQUESTS_PER_RUN = 500;
const HOUR = 3_600_000;

/**
 * The push half of review requests, run by the campaigns' timer (campaign-runner.ts) for sites with
 * subscribers: each request whose ask (or reminder) has come plans one `review_request` message through the
 * outbox, so it meets the same contact policy, priority (the lowest) and holdout as every campaign. Planned
 * when due rather than at the purchase, so it sees the person as they are then: subscribed or not, their
 * customer id, the items they have reviewed meanwhile. Each ask and reminder is planned once (asked_at,
 * reminded_at), sent or not; one that came due longer ago than the campaign's TTL (a site whose first
 * subscriber arrives after weeks of orders) is marked without a message, as a stale trigger. Nothing while
 * reviews are off. Returns how many asks and reminders came due.
 */
export async function planReviewMessages(db: Db, siteId: string, settings: CampaignSettings, now: number): Promise<number> {
  const s = settings.review_request;
  if (!(await readReviewSettings(db, siteId)).enabled) return 0;
  const rs = await db.client.execute({
    sql: `SELECT r.id, r.order_id, r.visitor_id, r.items, r.ask_at, r.asked_at, r.remind_at, r.expires_at, v.customer_id,
            (SELECT json_group_array(item_id) FROM reviews w WHERE w.site_id = r.site_id AND w.order_id = r.order_id) AS reviewed
          FROM review_requests r LEFT JOIN visitors v ON v.site_id = r.site_id AND v.visitor_id = r.visitor_id
          WHERE r.site_id = ? AND r.status = 'scheduled' AND r.ask_at <= ? AND r.expires_at > ?
            AND (r.asked_at IS NULL OR (r.reminded_at IS NULL AND r.remind_at <= ?))
          ORDER BY r.ask_at LIMIT ?`,
    args: [siteId, now, now, now, REQUESTS_PER_RUN],
  });
  const statements: InStatement[] = [];
  let planned = 0;
  for (const r of rs.rows) {
    const requestId = String(r.id);
    const orderId = String(r.order_id);
    const reviewed = new Set(JSON.parse(String(r.reviewed)) as string[]);
    const left = (JSON.parse(String(r.items)) as RequestItem[]).map((i) => i.id).filter((id) => !reviewed.has(id));
    if (left.length === 0) {
      statements.push({ sql: `UPDATE review_requests SET status = 'completed', reason = 'every item reviewed', updated_at = ? WHERE id = ?`, args: [now, requestId] });
      continue;
    }
    // the ask, or the reminder; an ask that comes late together with its reminder goes once
    const first = r.asked_at === null;
    const remindDue = r.remind_at !== null && Number(r.remind_at) <= now;
    const dueAt = first && !remindDue ? Number(r.ask_at) : Number(r.remind_at);
    statements.push({
      sql: `UPDATE review_requests SET asked_at = coalesce(asked_at, ?), reminded_at = ${first && !remindDue ? 'reminded_at' : '?'}, updated_at = ? WHERE id = ?`,
      args: first && !remindDue ? [now, now, requestId] : [now, now, now, requestId],
    });
    planned++;
    if (!s.enabled || now - dueAt > s.ttlHours * HOUR) continue;
    statements.push(
      planMessage({
        siteId,
        profileId: r.customer_id ? customerProfileId(String(r.customer_id)) : visitorProfileId(String(r.visitor_id)),
        campaign: 'review_request',
        triggerKey: askKey(orderId, first ? 1 : 2),
        createdAt: now,
        sendAt: now,
        ttlHours: s.ttlHours,
        endsAt: Number(r.expires_at), // the token dies then: an ask after it could not be answered
        holdoutPercent: s.holdoutPercent,
        urgency: 'very-low',
        topic: productTopic('review', orderId), // the reminder replaces the ask on the device
        itemId: left[0]!,
        context: { items: left, orderId, reminder: first ? 1 : 2 },
      }),
    );
  }
  if (statements.length > 0) await db.write.run(statements);
  return planned;
}
