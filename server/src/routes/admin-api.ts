import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { listProducts, productWithHistory } from '../admin/products.ts';
import { latestVisitors, visitorEvents, visitorsById, visitorSummary } from '../admin/visitors.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { findSite, listSites } from '../sites/sites.ts';
import { eraseCustomer } from '../lifecycle/erase-customer.ts';
import { lifecycleOfVisitor } from '../lifecycle/person-view.ts';

const limitParam = z.coerce.number().int().min(1).max(1000).default(50);

function parseQuery<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw badRequest(`invalid query: ${i ? `${i.path.join('.')}: ${i.message}` : 'unknown problem'}`);
  }
  return parsed.data;
}

export function adminApiRoutes(deps: AppDeps) {
  const { db } = deps;
  const siteParam = async (idOrKey: string | undefined) => {
    if (!idOrKey) return undefined;
    const site = await findSite(db, idOrKey);
    if (!site) throw notFound(`no site "${idOrKey}"`);
    return site;
  };

  return (
    new Hono()
      // GET /admin/api/sites — every site with its key and allowed origins
      .get('/sites', async (c) => c.json({ sites: await listSites(db) }))
      // GET /admin/api/visitors?limit=N&site=ID — latest seen first
      .get('/visitors', async (c) => {
        const q = parseQuery(z.object({ limit: limitParam, site: z.string().max(64).optional() }), c.req.query());
        const site = await siteParam(q.site);
        return c.json({ visitors: await latestVisitors(db, q.limit, site?.id) });
      })
      // GET /admin/api/visitors/:visitorId?site=ID — the visitor and its events in order
      .get('/visitors/:visitorId', async (c) => {
        const site = await siteParam(parseQuery(z.object({ site: z.string().max(64).optional() }), c.req.query()).site);
        const matches = await visitorsById(db, c.req.param('visitorId'), site?.id);
        if (matches.length === 0) throw notFound(`no visitor "${c.req.param('visitorId')}"`);
        if (matches.length > 1) throw badRequest('this visitor id exists on several sites; add ?site=SITE_ID');
        const v = matches[0]!;
        const events = await visitorEvents(db, v.siteId, v.visitorId);
        return c.json({
          visitor: visitorSummary(v, events.length),
          ...(await lifecycleOfVisitor(db, v.siteId, v.visitorId, deps.clock.now())),
          events,
        });
      })
      // DELETE /admin/api/customers/:customerId?site=ID — erase a customer: events, profile, history (audited)
      .delete('/customers/:customerId', async (c) => {
        const site = await siteParam(parseQuery(z.object({ site: z.string().max(64).optional() }), c.req.query()).site);
        const sites = site ? [site] : await listSites(db);
        if (sites.length !== 1) throw badRequest('several sites exist; add ?site=SITE_ID');
        const customerId = c.req.param('customerId');
        const erased = await eraseCustomer(db, sites[0]!.id, customerId, deps.clock.now());
        if (erased.visitors === 0 && erased.profiles === 0) throw notFound(`no customer "${customerId}" on site ${sites[0]!.id}`);
        return c.json({ erased });
      })
      // GET /admin/api/sites/:siteId/products?limit=N — the catalog, latest change first
      .get('/sites/:siteId/products', async (c) => {
        const site = (await siteParam(c.req.param('siteId')))!;
        const q = parseQuery(z.object({ limit: limitParam }), c.req.query());
        return c.json({ products: await listProducts(db, site.id, q.limit) });
      })
      // GET /admin/api/sites/:siteId/products/:itemId — one product with its price/stock history
      .get('/sites/:siteId/products/:itemId', async (c) => {
        const site = (await siteParam(c.req.param('siteId')))!;
        const found = await productWithHistory(db, site.id, c.req.param('itemId'));
        if (!found) throw notFound(`no product "${c.req.param('itemId')}" on site ${site.id}`);
        return c.json(found);
      })
  );
}
