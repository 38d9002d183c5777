import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { messageStatuses } from '../../db/schema/push.ts';
import { parseQuery } from '../../http/parse-json-body.ts';
import { isoPeriod } from '../../lifecycle/read/period.ts';
import { chooseSite } from '../../lifecycle/read/site-choice.ts';
import { profileIdOfVisitor } from '../../lifecycle/person-view.ts';
import { customerProfileId } from '../../lifecycle/profile-ids.ts';
import { campaignIds } from '../campaign-ids.ts';
import { campaignReport } from '../report/campaign-report.ts';
import { listMessages } from '../report/messages-list.ts';
import { reportScope } from '../../routes/admin-query.ts';
import { siteCurrency } from '../../admin/reports/site-currency.ts';

const personId = z.string().min(1).max(128);
const messagesQuery = z.strictObject({
  site: z.string().min(1).max(64).optional(),
  visitor: personId.optional(),
  customer: personId.optional(),
  campaign: z.enum(campaignIds).optional(),
  status: z.enum(messageStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** paging: the `next` of the previous page */
  before: z.string().regex(/^\d{1,15}:[\w-]{1,64}$/, 'before takes the next value of the previous page').optional(),
});

/** The push campaigns for marketers and machines: every contact decision, and each campaign against its holdout. */
export function adminCampaignRoutes(deps: Pick<AppDeps, 'db' | 'clock'>) {
  const { db } = deps;
  return (
    new Hono()
      // GET /admin/api/messages?site=&visitor=&customer=&campaign=&status=&limit=&before= — decisions, newest first
      .get('/messages', async (c) => {
        const q = parseQuery(c, messagesQuery);
        const site = await chooseSite(db, q.site);
        const profileId = q.customer ? customerProfileId(q.customer) : q.visitor ? await profileIdOfVisitor(db, site.id, q.visitor) : undefined;
        const [createdAt, id] = q.before?.split(':') ?? [];
        const messages = await listMessages(db, {
          siteId: site.id,
          profileId,
          campaign: q.campaign,
          status: q.status,
          limit: q.limit,
          before: createdAt && id ? { createdAt: Number(createdAt), id } : undefined,
        });
        const last = messages.at(-1);
        const next = messages.length === q.limit && last ? `${Date.parse(last.createdAt)}:${last.id}` : null;
        return c.json({ site: site.id, messages, next });
      })
      // GET /admin/api/campaigns/report?site=&from=&to= — per campaign: eligible, sent, deferred, dropped (with reasons), held out, clicked, converted, revenue, uplift
      .get('/campaigns/report', async (c) => {
        const { site, period } = await reportScope(c, deps);
        const [campaigns, currency] = await Promise.all([campaignReport(db, site.id, period), siteCurrency(db, site.id)]);
        return c.json({ site: site.id, ...isoPeriod(period), currency, campaigns });
      })
  );
}
