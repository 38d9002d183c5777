import type { Db } from '../../db/client.ts';
import { requestForToken } from '../tokens/token-for-request.ts';
import { personVisitorsSql } from './person.ts';

export type DismissScope = 'request' | 'always';

const DONT_ASK = 'the buyer asked not to be asked for reviews';

/**
 * The card's two ways out. "Not now" hides this request on the site until its reminder (for good when there
 * is none left); the push reminder still comes. "Don't ask again" flags the person: no further request is
 * scheduled for them, and their open requests and waiting review messages are cancelled, in one transaction.
 */
export async function dismissRequest(db: Db, siteId: string, token: string, scope: DismissScope, now: number): Promise<void> {
  const request = await requestForToken(db, siteId, token, now);
  if (scope === 'request') {
    await db.write.run([
      {
        sql: 'UPDATE review_requests SET snoozed_until = CASE WHEN remind_at > ? THEN remind_at ELSE expires_at END, updated_at = ? WHERE id = ?',
        args: [now, now, request.id],
      },
    ]);
    return;
  }
  const person = personVisitorsSql('?1', '?2');
  await db.write.run([
    { sql: 'INSERT OR IGNORE INTO review_opt_outs (site_id, visitor_id, at) VALUES (?, ?, ?)', args: [siteId, request.visitorId, now] },
    {
      sql: `UPDATE messages SET status = 'cancelled', reason = ?3, due_at = NULL, claim_until = NULL, updated_at = ?4
            WHERE site_id = ?1 AND campaign = 'review_request' AND status IN ('scheduled', 'deferred') AND trigger_key IN (
              SELECT 'order:' || order_id || '#' || n.value FROM review_requests, json_each('[1,2]') n
              WHERE site_id = ?1 AND status = 'scheduled' AND visitor_id IN (${person}))`,
      args: [siteId, request.visitorId, DONT_ASK, now],
    },
    {
      sql: `UPDATE review_requests SET status = 'cancelled', reason = ?3, updated_at = ?4 WHERE site_id = ?1 AND status = 'scheduled' AND visitor_id IN (${person})`,
      args: [siteId, request.visitorId, DONT_ASK, now],
    },
  ]);
}
