import type { InValue } from '@libsql/client';
import { isoTime } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import type { MessageStatus } from '../../db/schema/push.ts';
import type { CampaignId } from '../campaign-ids.ts';

export interface MessageView {
  id: string;
  campaign: CampaignId;
  person: string;
  status: MessageStatus;
  reason: string | null;
  holdout: boolean;
  createdAt: string;
  dueAt: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
  clickedAt: string | null;
  convertedAt: string | null;
  expiresAt: string;
  /** the time to live a push service was (or would be) given: from sending, or from the decision, to expiry */
  ttlSeconds: number;
  urgency: string;
  topic: string;
  itemId: string | null;
  title: string | null;
  body: string | null;
  url: string | null;
  image: string | null;
  attempts: number;
  orderId: string | null;
  revenue: number | null;
}

export interface MessageFilter {
  siteId: string;
  profileId?: string | undefined;
  campaign?: CampaignId | undefined;
  status?: MessageStatus | undefined;
  limit: number;
  /** paging: messages created before this one (by created_at, id) */
  before?: { createdAt: number; id: string } | undefined;
}

const iso = (v: unknown) => (v === null || v === undefined ? null : isoTime(Number(v)));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** Every contact decision, newest first: what was sent, deferred, held out or dropped, and why. */
export async function listMessages(db: Db, f: MessageFilter): Promise<MessageView[]> {
  const where = ['site_id = ?'];
  const args: InValue[] = [f.siteId];
  if (f.profileId) where.push('profile_id = ?') && args.push(f.profileId);
  if (f.campaign) where.push('campaign = ?') && args.push(f.campaign);
  if (f.status) where.push('status = ?') && args.push(f.status);
  if (f.before) where.push('(created_at, id) < (?, ?)') && args.push(f.before.createdAt, f.before.id);
  const rs = await db.client.execute({
    sql: `SELECT * FROM messages WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ?`,
    args: [...args, f.limit],
  });
  return rs.rows.map((r) => {
    const from = Number(r.sent_at ?? r.due_at ?? r.created_at);
    return {
      id: String(r.id),
      campaign: String(r.campaign) as CampaignId,
      person: String(r.profile_id),
      status: String(r.status) as MessageStatus,
      reason: str(r.reason),
      holdout: Number(r.holdout) === 1,
      createdAt: isoTime(Number(r.created_at)),
      dueAt: iso(r.due_at),
      sentAt: iso(r.sent_at),
      deliveredAt: iso(r.delivered_at),
      clickedAt: iso(r.clicked_at),
      convertedAt: iso(r.converted_at),
      expiresAt: isoTime(Number(r.expires_at)),
      ttlSeconds: Math.max(0, Math.floor((Number(r.expires_at) - from) / 1000)),
      urgency: String(r.urgency),
      topic: String(r.topic),
      itemId: str(r.item_id),
      title: str(r.title),
      body: str(r.body),
      url: str(r.url),
      image: str(r.image),
      attempts: Number(r.attempts),
      orderId: str(r.order_id),
      revenue: r.revenue === null ? null : Number(r.revenue),
    };
  });
}
