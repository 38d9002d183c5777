import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import { limits } from '../collect/vocabulary.ts';
import { badRequest } from '../http/errors.ts';
import { siteForPage } from '../sites/site-for-page.ts';
import { readPersonContext } from '../recommend/serve/person-context.ts';
import type { Recommender } from '../recommend/serve/recommender.ts';
import { requestScenarios } from '../recommend/serve/scenarios.ts';

const query = z
  .object({
    site: z.string().min(1).max(limits.idLength),
    visitor: z.string().min(1).max(limits.idLength).regex(/^[\w.:-]+$/),
    scenario: z.enum(requestScenarios).default('auto'),
    item: z.string().min(1).max(limits.shortText).optional(),
    category: z.string().min(1).max(limits.shortText).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(8),
    min: z.coerce.number().int().min(1).max(50).default(1),
  })
  .refine((q) => q.scenario !== 'similar' || q.item !== undefined, { message: 'scenario=similar needs item', path: ['item'] });

export interface RecommendationsResponse {
  rec_id: string;
  scenario: string;
  items: Array<{ item_id: string; name: string | null; price: number | null; image: string | null; url: string | null }>;
}

/**
 * Product recommendations for the widget. Like /v1/me, knowing the random visitor id is what entitles a page
 * to a visitor's list, and the page must be on one of the site's origins.
 */
export function recommendationRoutes({ db, siteCache }: Pick<AppDeps, 'db' | 'siteCache'>, service: Recommender) {
  // GET /v1/recommendations?site=KEY&visitor=ID&scenario=&item=&category=&limit=&min= — a ranked list of products
  return new Hono().get('/recommendations', async (c) => {
    const parsed = query.safeParse(c.req.query());
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message }));
      throw badRequest(`invalid query: ${issues[0]?.path || '(query)'}: ${issues[0]?.message ?? 'unknown problem'}`, issues);
    }
    const q = parsed.data;
    const site = await siteForPage(siteCache, q.site, c.req);
    const person = await readPersonContext(db, site.id, q.visitor);
    const result = await service.recommend({ siteId: site.id, visitorId: q.visitor, scenario: q.scenario, item: q.item, category: q.category, limit: q.limit, min: q.min, person });
    c.header('cache-control', 'no-store');
    return c.json({
      rec_id: result.recId,
      scenario: result.scenario,
      items: result.items.map((p) => ({ item_id: p.itemId, name: p.name, price: p.price, image: p.image, url: p.url })),
    } satisfies RecommendationsResponse);
  });
}
