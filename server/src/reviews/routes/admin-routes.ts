import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { reviewStatuses } from '../../db/schema/reviews.ts';
import { limits } from '../../collect/vocabulary.ts';
import { notFound } from '../../http/errors.ts';
import { parseJsonBody, parseQuery } from '../../http/parse-json-body.ts';
import { chooseSite } from '../../lifecycle/read/site-choice.ts';
import { siteRef } from '../../routes/admin-query.ts';
import { listReviews } from '../moderation/list-reviews.ts';
import { ratingsByItem } from '../read/ratings-by-item.ts';
import { isoPeriod, periodFromQuery } from '../../lifecycle/read/period.ts';
import { replyToReview, setReviewStatus } from '../moderation/moderate.ts';
import { cancelOrderRequests } from '../requests/cancel-order.ts';

const MAX_BODY_BYTES = 16_384;

const listQuery = z.strictObject({
  site: siteRef.optional(),
  status: z.enum(reviewStatuses).optional(),
  item: z.string().min(1).max(limits.shortText).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().regex(/^\d{1,15}:rev_[a-z0-9]{1,40}$/, 'before takes the next value of the previous page').optional(),
});
const ratingsQuery = z.strictObject({
  site: siteRef.optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
const replyBody = z.strictObject({ body: z.string().min(1).max(5000).nullable() });
const cancelBody = z.strictObject({ site: siteRef.optional(), reason: z.enum(['refunded', 'cancelled']) });

/**
 * Moderation for the shop (mounted under /admin/api, behind the admin access check (admin/accounts/admin-access.ts: a session or the bearer token)): the reviews by status
 * and item, publish, reject, a public reply; and an order's refund or cancellation, which stops its review
 * request (the shop's backend calls it from its order webhook).
 */
export function reviewAdminRoutes({ db, clock }: Pick<AppDeps, 'db' | 'clock'>) {
  return (
    new Hono()
      // GET /admin/api/reviews?site=&status=pending|published|rejected&item=&limit=&before= — newest first, with `next`
      .get('/reviews', async (c) => {
        const q = parseQuery(c, listQuery);
        const site = await chooseSite(db, q.site);
        return c.json({ site: site.id, ...(await listReviews(db, { siteId: site.id, status: q.status, itemId: q.item, limit: q.limit, before: q.before })) });
      })
      // GET /admin/api/reports/ratings?site=&from=&to=&limit= — per product: published count and average, pending (all time unless a period is named)
      .get('/reports/ratings', async (c) => {
        const q = parseQuery(c, ratingsQuery);
        const site = await chooseSite(db, q.site);
        const period = q.from || q.to ? periodFromQuery({ from: q.from, to: q.to }, clock.now()) : null;
        return c.json({ site: site.id, ...(period ? isoPeriod(period) : { from: null, to: null }), items: await ratingsByItem(db, site.id, period, q.limit) });
      })
      // POST /admin/api/reviews/:id/publish — shown on the site (also a review held as spam, or rejected before)
      .post('/reviews/:id/publish', async (c) => c.json({ review: await setReviewStatus(db, reviewId(c), 'published', clock.now()) }))
      // POST /admin/api/reviews/:id/reject — not shown; the buyer's text is kept
      .post('/reviews/:id/reject', async (c) => c.json({ review: await setReviewStatus(db, reviewId(c), 'rejected', clock.now()) }))
      // POST /admin/api/reviews/:id/reply — { body } the shop's public reply (null removes it)
      .post('/reviews/:id/reply', async (c) => {
        const id = reviewId(c);
        const body = await parseJsonBody(c, replyBody, MAX_BODY_BYTES);
        return c.json({ review: await replyToReview(db, id, body.body, clock.now()) });
      })
      // POST /admin/api/reviews/orders/:orderId/cancel — { site?, reason: "refunded" | "cancelled" } → no review request for it
      .post('/reviews/orders/:orderId/cancel', async (c) => {
        const orderId = z.string().min(1).max(limits.shortText).safeParse(c.req.param('orderId'));
        if (!orderId.success) throw notFound('no such order id');
        const body = await parseJsonBody(c, cancelBody, MAX_BODY_BYTES);
        const site = await chooseSite(db, body.site);
        const cancelled = await cancelOrderRequests(db, site.id, orderId.data, body.reason, clock.now());
        return c.json({ site: site.id, orderId: orderId.data, reason: body.reason, cancelled });
      })
  );
}

function reviewId(c: Context): string {
  const id = c.req.param('id') ?? '';
  if (!/^rev_[a-z0-9]{1,40}$/.test(id)) throw notFound(`no review "${id.slice(0, 64)}"`);
  return id;
}
