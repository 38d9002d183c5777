import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { parseJsonBody } from '../http/parse-json-body.ts';
import { applyLifecycleSettings } from '../lifecycle/apply-settings.ts';
import { dailyStageCounts } from '../lifecycle/read/daily-stages.ts';
import { isoPeriod } from '../lifecycle/read/period.ts';
import { lifecycleSettingsPatchSchema, mergeSettings } from '../lifecycle/read/settings-patch.ts';
import { chooseSite } from '../lifecycle/read/site-choice.ts';
import { currentStageCounts } from '../lifecycle/read/stage-counts.ts';
import { previewStages } from '../lifecycle/read/stage-preview.ts';
import { transitionCounts } from '../lifecycle/read/transitions.ts';
import { thresholdsOf } from '../lifecycle/settings.ts';
import { readLifecycleSettings } from '../lifecycle/site-lifecycle-config.ts';
import { reportScope, siteQuery, siteRef } from './admin-query.ts';
import { campaignSettingsPatchSchema } from '../campaigns/settings.ts';
import { applyCampaignSettings, contactPolicyPatchSchema, readCampaignSettings, readContactPolicy } from '../campaigns/site-campaign-config.ts';
import { applyCatalogSettings, catalogSettingsPatchSchema, readCatalogSettings } from '../catalog/trust/settings.ts';
import { reviewSettingsPatchSchema } from '../reviews/settings.ts';
import { mergeReviewSettings, readReviewSettings, storeReviewSettings } from '../reviews/site-review-config.ts';

/** Settings bodies are a few hundred bytes; anything near this is not a settings form. */
const MAX_BODY_BYTES = 16_384;

const previewBody = z.strictObject({ site: siteRef.optional(), settings: lifecycleSettingsPatchSchema.default({}) });
const settingsBody = z
  .strictObject({ lifecycle: lifecycleSettingsPatchSchema.optional(), campaigns: campaignSettingsPatchSchema.optional(), contact: contactPolicyPatchSchema.optional(), catalog: catalogSettingsPatchSchema.optional(), reviews: reviewSettingsPatchSchema.optional() })
  .refine((b) => b.lifecycle || b.campaigns || b.contact || b.catalog || b.reviews, { message: 'name at least one of lifecycle, campaigns, contact, catalog, reviews' });

const parseBody = <T extends z.ZodType>(c: Context, schema: T) => parseJsonBody(c, schema, MAX_BODY_BYTES);

/**
 * The lifecycle as marketers and machines read it: stage counts and movements, the daily series, and the
 * per-site settings with a dry-run preview. Mounted under /admin/api, behind the admin access check (admin/accounts/admin-access.ts: a session or the bearer token).
 */
export function adminLifecycleRoutes(deps: AppDeps) {
  const { db, clock } = deps;
  return (
    new Hono()
      // GET /admin/api/funnel?from=&to=&site= — people per stage now, and the stage changes in [from, to)
      .get('/funnel', async (c) => {
        const { site, period } = await reportScope(c, deps);
        const stages = await currentStageCounts(db, site.id);
        const transitions = await transitionCounts(db, site.id, period);
        return c.json({ site: site.id, ...isoPeriod(period), stages, transitions });
      })
      // GET /admin/api/stages/daily?from=&to=&site= — end-of-day stage counts of each day the period touches
      .get('/stages/daily', async (c) => {
        const { site, period } = await reportScope(c, deps);
        return c.json({ site: site.id, ...isoPeriod(period), days: await dailyStageCounts(db, site.id, period) });
      })
      // POST /admin/api/stages/preview — { site?, settings } → stage counts now vs under the candidate settings (no writes)
      .post('/stages/preview', async (c) => {
        const body = await parseBody(c, previewBody);
        const site = await chooseSite(db, body.site ?? siteQuery(c));
        const settings = mergeSettings(await readLifecycleSettings(db, site.id), body.settings);
        const now = clock.now();
        const counts = await previewStages(db, site.id, thresholdsOf(settings), now, await deps.maintenance.aliveProbability(site.id));
        return c.json({ site: site.id, settings, ...counts });
      })
      // GET /admin/api/sites/:siteId/settings — the site's lifecycle, campaign, contact and catalog settings (stored values over the defaults)
      .get('/sites/:siteId/settings', async (c) => {
        const site = await chooseSite(db, c.req.param('siteId'));
        return c.json({
          site: site.id,
          lifecycle: await readLifecycleSettings(db, site.id),
          campaigns: await readCampaignSettings(db, site.id),
          contact: await readContactPolicy(db, site.id),
          catalog: await readCatalogSettings(db, site.id),
          reviews: await readReviewSettings(db, site.id),
        });
      })
      // PUT /admin/api/sites/:siteId/settings — { lifecycle?, campaigns?, contact?, catalog? } subsets merged, stored, applied on the next round
      .put('/sites/:siteId/settings', async (c) => {
        const site = await chooseSite(db, c.req.param('siteId'));
        const body = await parseBody(c, settingsBody);
        const now = clock.now();
        // reviews checked before anything is stored, for the same reason as below
        const nextReviews = body.reviews ? await mergeReviewSettings(db, site.id, body.reviews) : undefined;
        // campaigns and contact first: they validate the merged whole, so a refusal leaves the lifecycle untouched too
        const { campaigns, contact } = await applyCampaignSettings(db, site.id, body, now);
        const lifecycle = body.lifecycle ? await applyLifecycleSettings(db, site.id, body.lifecycle, now) : await readLifecycleSettings(db, site.id);
        const catalog = body.catalog ? await applyCatalogSettings(db, site.id, body.catalog, now) : await readCatalogSettings(db, site.id);
        const reviews = nextReviews ? await storeReviewSettings(db, site.id, nextReviews, now) : await readReviewSettings(db, site.id);
        return c.json({ site: site.id, lifecycle, campaigns, contact, catalog, reviews });
      })
  );
}
