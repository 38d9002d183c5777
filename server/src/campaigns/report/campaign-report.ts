import type { Db } from '../../db/client.ts';
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

export interface CampaignReportRow {
  campaign: CampaignId;
  eligible: number;
  sent: number;
  heldOut: number;
  clicked: number;
  treatment: GroupReport;
  control: GroupReport;
  uplift: Uplift;
}

/**
 * Per campaign, the people it was decided for in the period, split into the group that could be sent
 * messages and the held-out group that was sent nothing, with clicks, conversions (a purchase within 7 days
 * of the decision, stamped by the lifecycle's triggers) and revenue, and the uplift in conversion rate.
 */
export async function campaignReport(db: Db, siteId: string, period: Period): Promise<CampaignReportRow[]> {
  const counts = await db.client.execute({
    sql: `SELECT campaign, holdout, count(DISTINCT profile_id) AS people,
            sum(CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END) AS sent,
            count(DISTINCT CASE WHEN clicked_at IS NOT NULL THEN profile_id END) AS clicked,
            count(DISTINCT CASE WHEN converted_at IS NOT NULL THEN profile_id END) AS converted
          FROM messages WHERE site_id = ? AND created_at >= ? AND created_at < ? GROUP BY campaign, holdout`,
    args: [siteId, period.from, period.to],
  });
  const revenue = await db.client.execute({
    sql: `SELECT campaign, holdout, sum(revenue) AS revenue FROM (
            SELECT DISTINCT campaign, holdout, profile_id, order_id, revenue FROM messages
            WHERE site_id = ? AND created_at >= ? AND created_at < ? AND order_id IS NOT NULL)
          GROUP BY campaign, holdout`,
    args: [siteId, period.from, period.to],
  });
  const key = (campaign: unknown, holdout: unknown) => `${String(campaign)}:${Number(holdout)}`;
  const revenueOf = new Map(revenue.rows.map((r) => [key(r.campaign, r.holdout), Number(r.revenue ?? 0)]));
  const groups = new Map(counts.rows.map((r) => [key(r.campaign, r.holdout), r]));
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
      return {
        campaign,
        eligible: treatment.people + control.people,
        sent: treatment.sent,
        heldOut: control.people,
        clicked: treatment.clicked,
        treatment,
        control,
        uplift: upliftOf({ people: treatment.people, converted: treatment.converted }, { people: control.people, converted: control.converted }),
      };
    });
}

const round2 = (n: number) => Math.round(n * 100) / 100;
