import { createHash } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { submitReview } from '../reviews/collect/submit-review.ts';
import { replyToReview, setReviewStatus } from '../reviews/moderation/moderate.ts';
import { pendingRequests } from '../reviews/requests/pending-requests.ts';
import { DAY } from '../reviews/settings.ts';
import { readReviewSettings } from '../reviews/site-review-config.ts';
import { findSite } from '../sites/sites.ts';
import { AUTHOR_INITIALS, AUTHOR_NAMES, LOW_RATING_REPLY, REVIEW_TEXTS, reviewBody } from './demo-review-texts.ts';

const HOUR = 3_600_000;
/** reviews per product: between these, by the product */
const MIN_PER_ITEM = 2;
const MAX_PER_ITEM = 6;
/** how a buyer who did not buy the product again rates it, out of 100: most reviews of a best seller are good */
const STAR_WEIGHTS: Array<[1 | 2 | 3 | 4 | 5, number]> = [
  [5, 45],
  [4, 30],
  [3, 13],
  [2, 7],
  [1, 5],
];

export type DemoReviews = { seeded: number; items: number } | { seeded: 0; reason: string };

interface Pick {
  itemId: string;
  orderId: string;
  visitorId: string;
  reviewAt: number;
  rating: 1 | 2 | 3 | 4 | 5;
}

/**
 * Published reviews for a fresh demo database, so a new visitor sees ratings on the shop's best sellers. Each
 * is written the way a buyer's is: one of the replayed year's review requests (a real UCI order of the product),
 * its token as the on-site card gets it (`pendingRequests`, what GET /v1/reviews/requests answers), the review
 * through `submitReview` (POST /v1/reviews) a few hours to days after the ask, then published a day later by the
 * shop (POST /admin/api/reviews/:id/publish), with a reply under the few low ratings. A buyer who ordered the
 * product again gives five stars; the others' stars and words are made up (demo-review-texts.ts), the same on
 * every fresh start. Does nothing on a site that has reviews already.
 */
export async function seedDemoReviews(db: Db, siteId: string, itemIds: string[], now: number): Promise<DemoReviews> {
  const any = await db.client.execute({ sql: 'SELECT 1 FROM reviews WHERE site_id = ? LIMIT 1', args: [siteId] });
  if (any.rows.length > 0) return { seeded: 0, reason: 'the demo site has reviews already' };
  const site = await findSite(db, siteId);
  if (!site) throw new Error(`no site "${siteId}"`);
  const settings = await readReviewSettings(db, siteId);

  const picks = (await Promise.all(itemIds.map((itemId) => picksFor(db, siteId, itemId, now)))).flat().sort((a, b) => a.reviewAt - b.reviewAt);
  const perBand = new Map<number, number>();
  let seeded = 0;
  const reviewed = new Set<string>();
  for (const pick of picks) {
    const request = (await pendingRequests(db, site, pick.visitorId, pick.reviewAt)).find((r) => r.orderId === pick.orderId);
    if (!request?.items.some((i) => i.itemId === pick.itemId)) continue; // not shown to this buyer then: not asked
    const n = perBand.get(pick.rating) ?? 0;
    perBand.set(pick.rating, n + 1);
    const texts = REVIEW_TEXTS[pick.rating];
    const h = hash(`${pick.orderId} ${pick.itemId}`);
    const review = await submitReview(
      db,
      siteId,
      {
        token: request.token,
        itemId: pick.itemId,
        rating: pick.rating,
        title: h % 4 === 0 ? null : texts.titles[h % texts.titles.length]!,
        body: h % 5 === 0 && pick.rating >= 4 ? null : reviewBody(pick.rating, n), // some happy buyers leave stars only
        author: authorOf(pick.visitorId),
      },
      settings,
      pick.reviewAt,
    );
    const publishedAt = Math.min(pick.reviewAt + DAY, now);
    await setReviewStatus(db, review.id, 'published', publishedAt);
    if (pick.rating <= 2) await replyToReview(db, review.id, LOW_RATING_REPLY, Math.min(publishedAt + 2 * HOUR, now));
    seeded++;
    reviewed.add(pick.itemId);
  }
  return { seeded, items: reviewed.size };
}

/**
 * The product's reviewers: a few of the buyers whose request for it was asked and is still open at the review's
 * time, one review per person, chosen and timed by a hash of the order (the same every fresh start).
 */
async function picksFor(db: Db, siteId: string, itemId: string, now: number): Promise<Pick[]> {
  const rs = await db.client.execute({
    sql: `SELECT r.order_id, r.visitor_id, r.ask_at, r.expires_at,
            (SELECT count(*) FROM review_requests o, json_each(o.items) oi
             WHERE o.site_id = r.site_id AND o.visitor_id = r.visitor_id AND json_extract(oi.value, '$.id') = ?2) AS orders
          FROM review_requests r, json_each(r.items) i
          WHERE r.site_id = ?1 AND json_extract(i.value, '$.id') = ?2 AND r.status = 'scheduled' AND r.ask_at < ?3 - ${HOUR}`,
    args: [siteId, itemId, now],
  });
  const wanted = MIN_PER_ITEM + (hash(itemId) % (MAX_PER_ITEM - MIN_PER_ITEM + 1));
  const people = new Set<string>();
  const out: Pick[] = [];
  for (const row of [...rs.rows].sort((a, b) => hash(`${a.order_id} ${itemId}`) - hash(`${b.order_id} ${itemId}`))) {
    const visitorId = String(row.visitor_id);
    if (people.has(visitorId)) continue;
    const h = hash(`${row.order_id} ${itemId}`);
    // a few hours to three days after the ask, before the token expires and before now
    const reviewAt = Math.min(Number(row.ask_at) + 2 * HOUR + (h % (3 * DAY)), Number(row.expires_at) - HOUR, now - HOUR);
    if (reviewAt < Number(row.ask_at)) continue;
    people.add(visitorId);
    out.push({ itemId, orderId: String(row.order_id), visitorId, reviewAt, rating: Number(row.orders) > 1 ? 5 : stars(h) });
    if (out.length === wanted) break;
  }
  return out;
}

function stars(h: number): 1 | 2 | 3 | 4 | 5 {
  let roll = (h >>> 8) % 100;
  for (const [star, weight] of STAR_WEIGHTS) {
    if (roll < weight) return star;
    roll -= weight;
  }
  return 5;
}

/** "Sarah K.", or null (a verified buyer) for about one person in six */
function authorOf(visitorId: string): string | null {
  const h = hash(visitorId);
  if (h % 6 === 0) return null;
  return `${AUTHOR_NAMES[(h >>> 4) % AUTHOR_NAMES.length]} ${AUTHOR_INITIALS[(h >>> 12) % AUTHOR_INITIALS.length]}.`;
}

function hash(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}
