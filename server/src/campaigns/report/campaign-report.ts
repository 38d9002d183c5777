import type { Db } from '../../db/client.ts';
import { messageStatuses, type MessageStatus } from '../../db/schema/push.ts';
import type { Period } from '../../lifecycle/read/period.ts';
import { campaignIds, type CampaignId } from '../campaign-ids.ts';
import { upliftOf, type Uplift } from '../uplift/index.ts';

export interface GroupReport {
  /** distinct people in the group over the period */
  people: number;
  /** messages sent (the control group is sent none) */
  sent: number;
  /** people who clicked a message */
  clicked: number;
  /** people with a purchase within 7 days of a decision */
  converted: number;
  /** revenue of those purchases, each order counted once */
  revenue: number;
  conversionRate: number | null;
}

export interface ReasonCount {
  status: MessageStatus;
  reason: string;
  count: number;
}

export interface CampaignReportRow {
  campaign: CampaignId;
  eligible: number;
  sent: number;
  heldOut: number;
  clicked: number;
  /** messages the contact policy put off and that still wait (caps, quiet hours, a more urgent message) */
  deferred: number;
  /** messages that will never go: expired, cancelled (a purchase, a switch-off, no subscription) or failed */
  dropped: number;
  /** the treated group's conversions and their revenue (as in `treatment`) */
  converted: number;
  revenue: number;
  /** every message decided in the period, by its status now (both groups) */
  statuses: Record<MessageStatus, number>;
  /** why messages wait or were dropped: counts per reason as the outbox wrote it, most frequent first */
  reasons: { deferred: ReasonCount[]; dropped: ReasonCount[] };
  treatment: GroupReport;
  control: GroupReport;
  uplift: Uplift;
  /** true while the groups are too small to show a 2-point uplift ("not enough data yet", see uplift.reason) */
  underpowered: boolean;
}

const DROPPED: readonly MessageStatus[] = ['expired', 'cancelled', 'failed'];
/** reasons listed per campaign and kind; the counts above hold them all */
export const MAX_REASONS = 20;

/**
 * Per campaign, the people it was decided for in the period, split into the group that could be sent
 * messages and the held-out group that was sent nothing, with clicks, conversions (a purchase within 7 days
 * of the decision, stamped by the lifecycle's triggers) and revenue, and the uplift in conversion rate.
 */
export async function campaignReport(db: Db, siteId: string, period: Period): Promise<CampaignReportRow[]> {
  // one read transaction: the per-status counts below must see the same messages as the group counts
  const inPeriod = [siteId, period.from, period.to];
  const [counts, revenue, byStatus] = await db.client.batch(
    [
      {
        sql: `SELECT campaign, holdout, count(DISTINCT profile_id) AS people,
                sum(CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END) AS sent,
                count(DISTINCT CASE WHEN clicked_at IS NOT NULL THEN profile_id END) AS clicked,
                count(DISTINCT CASE WHEN converted_at IS NOT NULL THEN profile_id END) AS converted
              FROM messages WHERE site_id = ? AND created_at >= ? AND created_at < ? GROUP BY campaign, holdout`,
        args: inPeriod,
      },
      {
        sql: `SELECT campaign, holdout, sum(revenue) AS revenue FROM (
                SELECT DISTINCT campaign, holdout, profile_id, order_id, revenue FROM messages
                WHERE site_id = ? AND created_at >= ? AND created_at < ? AND order_id IS NOT NULL)
              GROUP BY campaign, holdout`,
        args: inPeriod,
      },
      {
        sql: `SELECT campaign, status, reason, count(*) AS n FROM messages WHERE site_id = ? AND created_at >= ? AND created_at < ?
              GROUP BY campaign, status, reason`,
        args: inPeriod,
      },
    ],
    'read',
  );
  const statusesOf = new Map<string, Record<MessageStatus, number>>();
  const reasonsOf = new Map<string, { deferred: ReasonCount[]; dropped: ReasonCount[] }>();
  for (const r of byStatus!.rows) {
    const campaign = String(r.campaign);
    const status = String(r.status) as MessageStatus;
    const statuses = statusesOf.get(campaign) ?? (Object.fromEntries(messageStatuses.map((m) => [m, 0])) as Record<MessageStatus, number>);
    statuses[status] += Number(r.n);
    statusesOf.set(campaign, statuses);
    const reasons = reasonsOf.get(campaign) ?? { deferred: [], dropped: [] };
    const kind = status === 'deferred' ? reasons.deferred : DROPPED.includes(status) ? reasons.dropped : null;
    kind?.push({ status, reason: r.reason === null ? 'no reason recorded' : String(r.reason), count: Number(r.n) });
    reasonsOf.set(campaign, reasons);
  }
  const top = (list: ReasonCount[]) => list.sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1)).slice(0, MAX_REASONS);
  const key = (campaign: unknown, holdout: unknown) => `${String(campaign)}:${Number(holdout)}`;
  const revenueOf = new Map(revenue!.rows.map((r) => [key(r.campaign, r.holdout), Number(r.revenue ?? 0)]));
  const groups = new Map(counts!.rows.map((r) => [key(r.campaign, r.holdout), r]));
  const group = (campaign: CampaignId, holdout: 0 | 1): GroupReport => {
    const r = groups.get(key(campaign, holdout));
    const people = Number(r?.people ?? 0);
    const converted = Number(r?.converted ?? 0);
    return {
      people,
      sent: Number(r?.sent ?? 0),
      clicked: Number(r?.clicked ?? 0),
      converted,
      revenue: round2(revenueOf.get(key(campaign, holdout)) ?? 0),
      conversionRate: people > 0 ? converted / people : null,
    };
  };
  return campaignIds
    .filter((c) => groups.has(key(c, 0)) || groups.has(key(c, 1)))
    .map((campaign) => {
      const treatment = group(campaign, 0);
      const control = group(campaign, 1);
      const statuses = statusesOf.get(campaign)!;
      const reasons = reasonsOf.get(campaign)!;
      const uplift = upliftOf({ people: treatment.people, converted: treatment.converted }, { people: control.people, converted: control.converted });
      return {
        campaign,
        eligible: treatment.people + control.people,
        sent: treatment.sent,
        heldOut: control.people,
        clicked: treatment.clicked,
        deferred: statuses.deferred,
        dropped: DROPPED.reduce((sum, status) => sum + statuses[status], 0),
        converted: treatment.converted,
        revenue: treatment.revenue,
        statuses,
        reasons: { deferred: top(reasons.deferred), dropped: top(reasons.dropped) },
        treatment,
        control,
        uplift,
        underpowered: !uplift.enoughData,
      };
    });
}

const round2 = (n: number) => Math.round(n * 100) / 100;
