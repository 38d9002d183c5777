import type { Row } from '@libsql/client';
import type { CampaignId } from '../campaign-ids.ts';
import type { MessageStatus } from '../../db/schema/push.ts';

/** A message row as the dispatcher claimed it. */
export interface ClaimedMessage {
  id: string;
  siteId: string;
  profileId: string;
  campaign: CampaignId;
  status: MessageStatus;
  createdAt: number;
  dueAt: number;
  expiresAt: number;
  urgency: 'very-low' | 'low' | 'normal' | 'high';
  topic: string;
  itemId: string | null;
  context: Record<string, unknown> | null;
  attempts: number;
  sentAt: number | null;
  title: string | null;
  body: string | null;
  url: string | null;
  image: string | null;
}

export const CLAIMED_COLUMNS = 'id, site_id, profile_id, campaign, status, created_at, due_at, expires_at, urgency, topic, item_id, context, attempts, sent_at, title, body, url, image';

export function claimedMessage(r: Row): ClaimedMessage {
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: String(r.id),
    siteId: String(r.site_id),
    profileId: String(r.profile_id),
    campaign: String(r.campaign) as CampaignId,
    status: String(r.status) as MessageStatus,
    createdAt: Number(r.created_at),
    dueAt: Number(r.due_at),
    expiresAt: Number(r.expires_at),
    urgency: String(r.urgency) as ClaimedMessage['urgency'],
    topic: String(r.topic),
    itemId: str(r.item_id),
    context: r.context ? (JSON.parse(String(r.context)) as Record<string, unknown>) : null,
    attempts: Number(r.attempts),
    sentAt: r.sent_at === null ? null : Number(r.sent_at),
    title: str(r.title),
    body: str(r.body),
    url: str(r.url),
    image: str(r.image),
  };
}
