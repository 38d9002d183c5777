import type { InStatement } from '@libsql/client';
import { createHash } from 'node:crypto';
import { randomId } from '../../sites/keys.ts';
import { parseProfileId } from '../../lifecycle/profile-ids.ts';
import type { CampaignId } from '../campaign-ids.ts';
import { inHoldout } from '../holdout/index.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface NewMessage {
  siteId: string;
  profileId: string;
  campaign: CampaignId;
  triggerKey: string;
  /** when it became eligible: conversions count from here, for both groups */
  createdAt: number;
  sendAt: number;
  ttlHours: number;
  /** an offer's own end (a sale's), when it comes before the TTL does */
  endsAt?: number | null;
  holdoutPercent: number;
  urgency: 'very-low' | 'low' | 'normal' | 'high';
  topic: string;
  itemId?: string | null;
  context?: Record<string, unknown> | null;
}

/** A push topic (RFC 8030: at most 32 URL-safe base64 characters) naming one product: a later one replaces it. */
export const productTopic = (prefix: string, itemId: string) => `${prefix}-${createHash('sha256').update(itemId).digest('base64url').slice(0, 16)}`;

export const newMessageId = () => randomId('msg_', 20);

/**
 * The statement that plans one message, written only if the person has a push subscription (so the holdout is
 * drawn among people a message could reach) and only once per trigger (the unique key). A person in the
 * campaign's holdout gets a final `held_out` row instead: eligible, sent nothing, counted in the report.
 */
export function planMessage(m: NewMessage): InStatement {
  const held = inHoldout(m.profileId, m.campaign, m.holdoutPercent);
  const expiresAt = Math.min(m.sendAt + m.ttlHours * HOUR, m.endsAt ?? Infinity);
  const person = parseProfileId(m.profileId);
  const subscribed =
    person.kind === 'visitor'
      ? 'EXISTS (SELECT 1 FROM push_subscriptions WHERE site_id = ? AND visitor_id = ?)'
      : 'EXISTS (SELECT 1 FROM push_subscriptions WHERE site_id = ? AND visitor_id IN (SELECT visitor_id FROM visitors WHERE site_id = ? AND customer_id = ?))';
  const subscribedArgs = person.kind === 'visitor' ? [m.siteId, person.id] : [m.siteId, m.siteId, person.id];
  return {
    sql: `INSERT OR IGNORE INTO messages (id, site_id, profile_id, campaign, trigger_key, status, reason, holdout, created_at, due_at, expires_at,
            urgency, topic, item_id, context, updated_at)
          SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE ${subscribed}`,
    args: [
      newMessageId(),
      m.siteId,
      m.profileId,
      m.campaign,
      m.triggerKey,
      held ? 'held_out' : 'scheduled',
      held ? `holdout: ${m.holdoutPercent} % of eligible people are sent nothing, to measure the campaign` : null,
      held ? 1 : 0,
      m.createdAt,
      held ? null : m.sendAt,
      expiresAt,
      m.urgency,
      m.topic,
      m.itemId ?? null,
      m.context ? JSON.stringify(m.context) : null,
      m.createdAt,
      ...subscribedArgs,
    ],
  };
}

/** Cancels a person's messages of a campaign that are still waiting, with the reason shown to marketers. */
export function cancelPending(siteId: string, profileId: string, campaign: CampaignId, reason: string, now: number): InStatement {
  return {
    sql: `UPDATE messages SET status = 'cancelled', reason = ?, due_at = NULL, claim_until = NULL, updated_at = ?
          WHERE site_id = ? AND profile_id = ? AND campaign = ? AND status IN ('scheduled', 'deferred')`,
    args: [reason, now, siteId, profileId, campaign],
  };
}

export { HOUR, MINUTE };
