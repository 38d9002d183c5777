import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { parseQuery } from '../http/parse-json-body.ts';
import { siteRef } from '../routes/admin-query.ts';
import { findSite } from './sites.ts';
import { publicServerUrl, siteSnippet } from './snippet.ts';

/** The Settings page's paste-in texts, exactly as `npm run shoploop -- site snippet` prints them. */
export function siteSnippetRoutes({ db, config }: Pick<AppDeps, 'db' | 'config'>) {
  // GET /admin/api/sites/:siteId/snippet — { script, serviceWorker: { path, body } }
  return new Hono().get('/sites/:siteId/snippet', async (c) => {
    parseQuery(c, z.strictObject({}));
    const id = siteRef.safeParse(c.req.param('siteId'));
    if (!id.success) throw badRequest('invalid site id: at most 64 characters');
    const site = await findSite(db, id.data);
    if (!site) throw notFound(`no site "${id.data}"`);
    return c.json(siteSnippet(site, publicServerUrl(process.env, config.port)));
  });
}
