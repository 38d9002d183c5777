import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { messageStatuses } from '../../db/schema/push.ts';
import { parseJsonBody, parseQuery } from '../../http/parse-json-body.ts';
import { isoPeriod } from '../../lifecycle/read/period.ts';
import { chooseSite } from '../../lifecycle/read/site-choice.ts';
import { profileIdOfVisitor } from '../../lifecycle/person-view.ts';
import { customerProfileId } from '../../lifecycle/profile-ids.ts';
import { campaignIds } from '../campaign-ids.ts';
import { campaignReport } from '../report/campaign-report.ts';
import { listMessages } from '../report/messages-list.ts';
import { reportScope, siteRef } from '../../routes/admin-query.ts';
import { previewMessage } from '../render/preview-message.ts';
import { pushCampaignIds, type PushCampaignId } from '../settings.ts';
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

const templateText = z.string().trim().min(1).max(200);
const previewBody = z.strictObject({
  site: siteRef.optional(),
  campaign: z.enum(pushCampaignIds as [PushCampaignId, ...PushCampaignId[]]),
  /** the wording being edited; the saved one where absent */
  template: z.strictObject({ title: templateText.optional(), body: templateText.optional() }).optional(),
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
      // POST /admin/api/campaigns/preview — { site?, campaign, template?: { title?, body? } } → the message for a sample product; nothing sent
      .post('/campaigns/preview', async (c) => {
        const body = await parseJsonBody(c, previewBody, 16_384);
        const site = await chooseSite(db, body.site);
        return c.json(await previewMessage(db, site, body.campaign, body.template ?? {}));
      })
      // GET /admin/api/campaigns/report?site=&from=&to= — per campaign: eligible, sent, deferred, dropped (with reasons), held out, clicked, converted, revenue, uplift
      .get('/campaigns/report', async (c) => {
        const { site, period } = await reportScope(c, deps);
        const [campaigns, currency] = await Promise.all([campaignReport(db, site.id, period), siteCurrency(db, site.id)]);
        return c.json({ site: site.id, ...isoPeriod(period), currency, campaigns });
      })
  );
}
