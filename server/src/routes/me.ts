import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { badRequest } from '../http/errors.ts';
import { siteForPage } from '../sites/site-for-page.ts';
import { profileIdOfVisitor, stageOf } from '../lifecycle/person-view.ts';

const query = z.object({
  site: z.string().min(1).max(64),
  visitor: z.string().min(1).max(64).regex(/^[\w.:-]+$/),
});

/**
 * A visitor's own state, for the widget. The visitor id is random and lives only in that browser, so knowing
 * it is what entitles a page to read it; the page must also be on one of the site's origins.
 */
export function meRoutes({ db, siteCache }: AppDeps) {
  // GET /v1/me?site=KEY&visitor=ID — current stage of this visitor (their customer's, once identified)
  return new Hono().get('/me', async (c) => {
    const parsed = query.safeParse(c.req.query());
    if (!parsed.success) throw badRequest('expected ?site=SITE_KEY&visitor=VISITOR_ID');
    const site = await siteForPage(siteCache, parsed.data.site, c.req);
    const profileId = await profileIdOfVisitor(db, site.id, parsed.data.visitor);
    const { stage, since } = await stageOf(db, site.id, profileId);
    c.header('cache-control', 'no-store');
    return c.json({ visitor: parsed.data.visitor, stage, since });
  });
}
