import { describe, expect, test } from 'vitest';
import { SITE_KEY } from '../../test/helpers.ts';
import { DAY, MUG, reviewFixture, SOFA } from '../reviews/testing/review-fixture.ts';
import { LOW_RATING_REPLY, REVIEW_TEXTS, reviewBody } from './demo-review-texts.ts';
import { seedDemoReviews } from './demo-reviews.ts';

type Published = { id: string; rating: number; title: string | null; body: string | null; author: string | null; createdAt: string; reply: { body: string } | null };

describe('seedDemoReviews', () => {
  test('buyers of the replayed orders review the listed products through their requests’ tokens; the shop publishes them', async () => {
    const f = await reviewFixture();
    const buyers = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8'];
    for (const [n, vid] of buyers.entries()) await f.buy(vid, `o${n}`, [MUG]);
    await f.buy('b1', 'o-again', [MUG]); // b1 ordered the mug twice: a buyer who came back for it
    await f.buy('sofa-buyer', 'o-sofa', [SOFA]);
    const boughtAt = f.clock.now();
    await f.advance(8 * DAY); // every ask has come (7 days)
    await f.buy('late', 'o-late', [MUG]); // asked only in a week: not yet a reviewer
    const now = f.clock.now();

    const result = await seedDemoReviews(f.db, f.site.id, [MUG.item_id], now);
    expect(result).toMatchObject({ items: 1 });
    const seeded = 'reason' in result ? 0 : result.seeded;
    expect(seeded).toBeGreaterThanOrEqual(2);
    expect(seeded).toBeLessThanOrEqual(6);

    // public: what the reviews block and the JSON-LD read
    const list = await f.call('GET', `/v1/items/${MUG.item_id}/reviews?site=${SITE_KEY}`);
    const reviews = list.body.reviews as Published[];
    expect(list.body.rating.count).toBe(seeded);
    expect(reviews).toHaveLength(seeded);
    for (const r of reviews) {
      const at = Date.parse(r.createdAt);
      expect(at).toBeGreaterThanOrEqual(boughtAt + 7 * DAY); // after the ask
      expect(at).toBeLessThan(now);
      expect(r.reply?.body ?? null).toBe(r.rating <= 2 ? LOW_RATING_REPLY : null);
    }
    const bodies = reviews.flatMap((r) => (r.body === null ? [] : [r.body]));
    expect(new Set(bodies).size).toBe(bodies.length); // no copies: none held as the same text as another
    const jsonLd = JSON.parse((await f.call('GET', `/v1/items/${MUG.item_id}/rating.jsonld?site=${SITE_KEY}`)).text);
    expect(jsonLd.aggregateRating.ratingCount).toBe(seeded);

    // each by a different buyer whose ask had come, each the buyer's event; nothing about the sofa or the late order
    const rows = await f.db.client.execute({ sql: `SELECT visitor_id, order_id, item_id, rating, status FROM reviews WHERE site_id = ?`, args: [f.site.id] });
    expect(new Set(rows.rows.map((r) => r.visitor_id)).size).toBe(seeded);
    expect(rows.rows.every((r) => r.status === 'published' && r.item_id === MUG.item_id && buyers.includes(String(r.visitor_id)))).toBe(true);
    for (const r of rows.rows.filter((row) => row.visitor_id === 'b1')) expect(r.rating).toBe(5);
    const events = await f.db.client.execute({ sql: `SELECT count(*) AS n FROM events WHERE site_id = ? AND name = 'review_submitted'`, args: [f.site.id] });
    expect(Number(events.rows[0]!.n)).toBe(seeded);
  });

  test('does nothing on a site that has reviews already, so a restart adds none', async () => {
    const f = await reviewFixture();
    for (const vid of ['b1', 'b2', 'b3']) await f.buy(vid, `o-${vid}`, [MUG]);
    await f.advance(8 * DAY);
    const first = await seedDemoReviews(f.db, f.site.id, [MUG.item_id], f.clock.now());
    expect('seeded' in first && first.seeded).toBeGreaterThan(0);
    const count = async () => Number((await f.db.client.execute('SELECT count(*) AS n FROM reviews')).rows[0]!.n);
    const before = await count();
    await f.buy('b4', 'o-b4', [MUG]);
    await f.advance(8 * DAY);
    await expect(seedDemoReviews(f.db, f.site.id, [MUG.item_id], f.clock.now())).resolves.toEqual({ seeded: 0, reason: 'the demo site has reviews already' });
    expect(await count()).toBe(before);
  });

  test('without asked requests (a demo without history) there is nothing to review', async () => {
    const f = await reviewFixture();
    await f.buy('b1', 'o1', [MUG]); // its ask is a week away
    await expect(seedDemoReviews(f.db, f.site.id, [MUG.item_id, SOFA.item_id], f.clock.now())).resolves.toEqual({ seeded: 0, items: 0 });
  });
});

describe('reviewBody', () => {
  test.each([5, 4, 3, 2, 1] as const)('gives every pair of a %i-star band once, then none', (band) => {
    const pairs = REVIEW_TEXTS[band].openings.length * REVIEW_TEXTS[band].details.length;
    const bodies = Array.from({ length: pairs }, (_, n) => reviewBody(band, n));
    expect(new Set(bodies).size).toBe(pairs);
    expect(bodies.every((b) => b !== null && b.length >= 20)).toBe(true); // long enough for the copy check to see
    expect(reviewBody(band, pairs)).toBeNull();
    expect(reviewBody(band, 0)!.split('. ')[1]).not.toBe(reviewBody(band, 1)!.split('. ')[1]); // the next differs in its detail too
  });
});
