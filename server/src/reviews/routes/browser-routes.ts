import { callerKey } from '../../http/caller-key.ts';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { limits } from '../../collect/vocabulary.ts';
import { badRequest, notFound, rateLimited } from '../../http/errors.ts';
import { pageOrigin } from '../../http/page-origin.ts';
import { parseJsonBody, parseQuery } from '../../http/parse-json-body.ts';
import { RateLimiter } from '../../http/rate-limit.ts';
import { siteForPage } from '../../sites/site-for-page.ts';
import type { Site } from '../../db/schema/sites.ts';
import { submitReview } from '../collect/submit-review.ts';
import { voteHelpful } from '../collect/helpful-vote.ts';
import { dismissRequest } from '../requests/dismiss.ts';
import { pendingRequests } from '../requests/pending-requests.ts';
import { itemReviews } from '../read/item-reviews.ts';
import { jsonForHtml } from '../read/json-for-html.ts';
import { productJsonLd } from '../read/rating-jsonld.ts';
import { readReviewSettings } from '../site-review-config.ts';

/** A review body is at most ~5.3 KB of text (plus JSON escapes); anything far past it is not a review. */
const MAX_BODY_BYTES = 32_768;
/** reviews per minute from one address (each is also one per item of an order) */
export const REVIEWS_PER_MINUTE = 10;
/** dismissals and helpful votes per minute from one address */
export const VOTES_PER_MINUTE = 30;

const siteKey = z.string().min(1).max(limits.idLength);
const visitorId = z.string().min(1).max(limits.idLength).regex(/^[\w.:-]+$/);
const token = z.string().min(1).max(1024);
const itemId = z.string().min(1).max(limits.shortText);
/** text as given; an empty field is no field */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((v) => (v === undefined || v === '' ? null : v));

const requestsQuery = z.strictObject({ site: siteKey, visitor: visitorId });
const reviewBody = z.strictObject({
  site: siteKey,
  token,
  item_id: itemId,
  rating: z.number().int().min(1).max(5),
  title: text(120),
  body: text(5000),
  author: text(60),
});
const dismissBody = z.strictObject({ site: siteKey, token, scope: z.enum(['request', 'always']) });
const helpfulBody = z.strictObject({ site: siteKey, vid: visitorId });
const itemQuery = z.strictObject({
  site: siteKey,
  page: z.coerce.number().int().min(1).max(1000).default(1),
  sort: z.enum(['newest', 'helpful']).default('newest'),
});
const jsonLdQuery = z.strictObject({ site: siteKey });

/**
 * The browser side of reviews: a returning buyer's pending requests (with their tokens), a review, "not now"
 * and "don't ask again", "helpful", and the published reviews with their rating, also as JSON-LD. Pages must
 * be on the site's origins, as for every browser route; the two public reads also answer a shop's server
 * (no Origin, no Referer), which renders the JSON-LD into its own HTML.
 */
export function reviewBrowserRoutes(deps: Pick<AppDeps, 'db' | 'siteCache' | 'clock' | 'config'>) {
  const { db, siteCache, clock } = deps;
  const now = () => clock.now();
  const submissions = new RateLimiter(REVIEWS_PER_MINUTE, now);
  const votes = new RateLimiter(VOTES_PER_MINUTE, now);
  const limit = (limiter: RateLimiter, c: Context, site: Site) => {
    if (!limiter.take(`${site.id} ${callerKey(c, deps.config.trustProxy)}`)) throw rateLimited('too many requests; retry after 60 seconds', 60);
  };

  return (
    new Hono()
      // GET /v1/reviews/requests?site=KEY&visitor=ID — the person's pending review requests, each with its token
      .get('/reviews/requests', async (c) => {
        const q = parseQuery(c, requestsQuery);
        const site = await siteForPage(siteCache, q.site, c.req);
        c.header('cache-control', 'no-store');
        // reviews switched off: nobody is asked, on the site either
        const enabled = (await readReviewSettings(db, site.id)).enabled;
        return c.json({ requests: enabled ? await pendingRequests(db, site, q.visitor, clock.now()) : [] });
      })
      // POST /v1/reviews — { site, token, item_id, rating, title?, body?, author? } → 201 { review: { id, status } }
      .post('/reviews', async (c) => {
        const body = await parseJsonBody(c, reviewBody, MAX_BODY_BYTES);
        const site = await siteForPage(siteCache, body.site, c.req);
        limit(submissions, c, site);
        const input = { token: body.token, itemId: body.item_id, rating: body.rating, title: body.title, body: body.body, author: body.author };
        const review = await submitReview(db, site.id, input, await readReviewSettings(db, site.id), clock.now());
        return c.json({ review }, 201);
      })
      // POST /v1/reviews/dismissals — { site, token, scope: "request" | "always" } → { dismissed: true }
      .post('/reviews/dismissals', async (c) => {
        const body = await parseJsonBody(c, dismissBody, MAX_BODY_BYTES);
        const site = await siteForPage(siteCache, body.site, c.req);
        limit(votes, c, site);
        await dismissRequest(db, site.id, body.token, body.scope, clock.now());
        return c.json({ dismissed: true });
      })
      // POST /v1/reviews/:id/helpful — { site, vid } → { helpful: n }, once per visitor
      .post('/reviews/:id/helpful', async (c) => {
        const body = await parseJsonBody(c, helpfulBody, MAX_BODY_BYTES);
        const site = await siteForPage(siteCache, body.site, c.req);
        limit(votes, c, site);
        return c.json({ helpful: await voteHelpful(db, site.id, reviewIdParam(c), body.vid, clock.now()) });
      })
      // GET /v1/items/:itemId/reviews?site=KEY&page=&sort=newest|helpful — published reviews, 10 a page, with the rating
      .get('/items/:itemId/reviews', async (c) => {
        const q = parseQuery(c, itemQuery);
        const site = await siteForPublicRead(deps, q.site, c);
        c.header('cache-control', 'public, max-age=60');
        return c.json(await itemReviews(db, site.id, itemParam(c), q.page, q.sort));
      })
      // GET /v1/items/:itemId/rating.jsonld?site=KEY — schema.org Product with aggregateRating and review, safe to inline in HTML
      .get('/items/:itemId/rating.jsonld', async (c) => {
        const q = parseQuery(c, jsonLdQuery);
        const site = await siteForPublicRead(deps, q.site, c);
        c.header('content-type', 'application/ld+json; charset=utf-8');
        c.header('cache-control', 'public, max-age=300');
        return c.body(jsonForHtml(await productJsonLd(db, site, itemParam(c))));
      })
  );
}

function itemParam(c: Context): string {
  const parsed = itemId.safeParse(c.req.param('itemId'));
  if (!parsed.success) throw badRequest(`invalid item id: at most ${limits.shortText} characters`);
  return parsed.data;
}

function reviewIdParam(c: Context): string {
  const id = c.req.param('id') ?? '';
  if (!/^rev_[a-z0-9]{1,40}$/.test(id)) throw notFound(`no published review "${id.slice(0, 64)}"`);
  return id;
}

/**
 * Published reviews are public: a page must be on the site's origins, but a request with no page behind it
 * at all (a shop's server rendering its product page) may read them too.
 */
async function siteForPublicRead({ siteCache }: Pick<AppDeps, 'siteCache'>, key: string, c: Context): Promise<Site> {
  if (pageOrigin(c.req).kind !== 'none') return siteForPage(siteCache, key, c.req);
  const site = await siteCache.byKey(key);
  if (!site) throw notFound(`unknown site "${key}"`);
  return site;
}

