import { describe, expect, test } from 'vitest';
import { DAY, MINUTE, MUG, reviewFixture } from './testing/review-fixture.ts';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';

/** Buyers of the mug, each with their request come and a review written (pending: auto-publish is off). */
async function reviewedShop(reviews: Array<{ rating: number; title?: string; body?: string; author?: string }>) {
  const f = await reviewFixture({ requestAfterDays: 1 });
  for (let i = 0; i < reviews.length; i++) await f.buy(`b${i}`, `o-${i}`, [MUG]);
  await f.advance(DAY);
  const ids: string[] = [];
  for (let i = 0; i < reviews.length; i++) {
    const token = (await f.requests(`b${i}`))[0]!.token;
    f.clock.advance(MINUTE); // distinct times, and the rate limit refills
    const res = await f.review({ token, item_id: 'mug-1', ...reviews[i] });
    if (res.status !== 201) throw new Error(`review → ${res.status} ${res.text}`);
    ids.push(res.body.review.id);
  }
  const publish = (id: string) => f.admin('POST', `/admin/api/reviews/${id}/publish`);
  const list = async (query: string) => (await f.admin('GET', `/admin/api/reviews?site=${f.site.id}${query}`)).body;
  const shown = async (query = '') => (await f.call('GET', `/v1/items/mug-1/reviews?site=pk_test${query}`, undefined, { origin: 'https://shop.example' })).body;
  return { ...f, ids, publish, list, shown };
}

describe('moderation', () => {
  test('pending → published → rejected → published again, each decision shown to the shop and the public side following', async () => {
    const f = await reviewedShop([{ rating: 1, title: 'Broke', body: 'Handle came off.' }, { rating: 5 }]);
    const [bad, good] = f.ids as [string, string];
    expect((await f.list('&status=pending')).reviews.map((r: { id: string }) => r.id)).toEqual([good, bad]);
    expect((await f.shown()).reviews).toEqual([]);

    const published = await f.publish(bad);
    expect(published.status).toBe(200);
    expect(published.body.review).toMatchObject({ id: bad, status: 'published', rating: 1, publishedAt: new Date(f.clock.now()).toISOString(), moderatedAt: new Date(f.clock.now()).toISOString() });
    expect((await f.shown()).reviews.map((r: { id: string }) => r.id)).toEqual([bad]);

    f.clock.advance(MINUTE);
    const rejected = await f.admin('POST', `/admin/api/reviews/${bad}/reject`);
    expect(rejected.body.review).toMatchObject({ status: 'rejected' });
    expect((await f.shown()).reviews).toEqual([]);
    expect((await f.list('&status=rejected')).reviews.map((r: { id: string }) => r.id)).toEqual([bad]);
    await f.publish(bad);
    expect((await f.list('&status=published')).reviews.map((r: { id: string }) => r.id)).toEqual([bad]);
    expect((await f.list('&status=pending')).reviews.map((r: { id: string }) => r.id)).toEqual([good]);
  });

  test('the shop replies in public; null removes the reply', async () => {
    const f = await reviewedShop([{ rating: 2, body: 'Smaller than I thought.' }]);
    const [id] = f.ids as [string];
    await f.publish(id);
    const reply = await f.admin('POST', `/admin/api/reviews/${id}/reply`, { body: `Sorry! It is 300 ml — ${SCRIPT}` });
    expect(reply.body.review.reply).toEqual({ body: `Sorry! It is 300 ml — ${SCRIPT}`, createdAt: new Date(f.clock.now()).toISOString() });
    expect((await f.shown()).reviews[0].reply.body).toBe(`Sorry! It is 300 ml — ${SCRIPT}`);
    await f.admin('POST', `/admin/api/reviews/${id}/reply`, { body: null });
    expect((await f.shown()).reviews[0].reply).toBeNull();
    expect((await f.admin('POST', `/admin/api/reviews/${id}/reply`, { body: '' })).status).toBe(400);
    expect((await f.admin('POST', `/admin/api/reviews/${id}/reply`, { body: 'x'.repeat(5001) })).status).toBe(400);
  });

  test('the admin API shows the text as given, JSON-encoded, never rendered', async () => {
    const f = await reviewedShop([{ rating: 3, title: IMG, body: SCRIPT, author: IMG }]);
    const { reviews } = await f.list('');
    expect(reviews[0]).toMatchObject({ title: IMG, body: SCRIPT, author: IMG });
    const raw = await f.admin('GET', `/admin/api/reviews?site=${f.site.id}`);
    expect(raw.headers.get('content-type')).toMatch(/^application\/json/);
  });

  test('filters, pages, and refuses what it does not know', async () => {
    const f = await reviewedShop([{ rating: 5 }, { rating: 4 }, { rating: 3 }]);
    const page1 = await f.list('&limit=2');
    expect(page1.reviews).toHaveLength(2);
    const page2 = await f.list(`&limit=2&before=${page1.next}`);
    expect(page2.reviews).toHaveLength(1);
    expect(page2.next).toBeNull();
    expect(new Set([...page1.reviews, ...page2.reviews].map((r: { id: string }) => r.id))).toEqual(new Set(f.ids));
    expect((await f.list('&item=sofa-1')).reviews).toEqual([]);
    expect((await f.list('&item=mug-1')).reviews).toHaveLength(3);
    for (const bad of ['&status=hidden', '&limit=0', '&before=x', `&item=${'i'.repeat(129)}`, '&sort=up']) {
      expect((await f.admin('GET', `/admin/api/reviews?site=${f.site.id}${bad}`)).status, bad).toBe(400);
    }
    expect((await f.admin('POST', '/admin/api/reviews/rev_nothere/publish')).status).toBe(404);
    expect((await f.call('GET', `/admin/api/reviews?site=${f.site.id}`)).status).toBe(401);
    expect((await f.call('POST', `/admin/api/reviews/${f.ids[0]}/publish`)).status).toBe(401);
  });
});

describe('GET /v1/items/:itemId/reviews', () => {
  test('published only, with average, count and distribution; 10 a page, newest or most helpful first', async () => {
    const ratings = [5, 5, 4, 4, 4, 3, 1, 5, 5, 4, 2, 5];
    const f = await reviewedShop(ratings.map((rating, i) => ({ rating, title: `Review ${i}` })));
    for (const id of f.ids.slice(0, 11)) await f.publish(id); // the last one stays pending
    const page1 = await f.shown();
    expect(page1.itemId).toBe('mug-1');
    expect(page1.rating).toEqual({ average: 3.8, count: 11, distribution: { '1': 1, '2': 1, '3': 1, '4': 4, '5': 4 } });
    expect(page1).toMatchObject({ page: 1, pages: 2 });
    expect(page1.reviews.map((r: { title: string }) => r.title)).toEqual(['Review 10', 'Review 9', 'Review 8', 'Review 7', 'Review 6', 'Review 5', 'Review 4', 'Review 3', 'Review 2', 'Review 1']);
    expect(Object.keys(page1.reviews[0]).sort()).toEqual(['author', 'body', 'createdAt', 'helpful', 'id', 'rating', 'reply', 'title']);
    expect((await f.shown('&page=2')).reviews.map((r: { title: string }) => r.title)).toEqual(['Review 0']);
    expect((await f.shown('&page=3')).reviews).toEqual([]);

    await f.page('POST', `/v1/reviews/${f.ids[3]}/helpful`, { site: 'pk_test', vid: 'x' });
    await f.page('POST', `/v1/reviews/${f.ids[3]}/helpful`, { site: 'pk_test', vid: 'y' });
    await f.page('POST', `/v1/reviews/${f.ids[0]}/helpful`, { site: 'pk_test', vid: 'x' });
    const helpful = await f.shown('&sort=helpful');
    expect(helpful.reviews.slice(0, 3).map((r: { title: string; helpful: number }) => [r.title, r.helpful])).toEqual([
      ['Review 3', 2],
      ['Review 0', 1],
      ['Review 10', 0],
    ]);
    for (const bad of ['&page=0', '&page=x', '&sort=best', '&extra=1']) expect((await f.call('GET', `/v1/items/mug-1/reviews?site=pk_test${bad}`)).status, bad).toBe(400);
  });

  test('an item without reviews; an unknown site; a page on another origin', async () => {
    const f = await reviewFixture();
    const empty = await f.call('GET', '/v1/items/mug-1/reviews?site=pk_test');
    expect(empty.body).toEqual({ itemId: 'mug-1', rating: { average: null, count: 0, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } }, reviews: [], page: 1, pages: 1 });
    expect((await f.call('GET', '/v1/items/mug-1/reviews?site=pk_nope')).status).toBe(404);
    expect((await f.call('GET', '/v1/items/mug-1/reviews?site=pk_test', undefined, { origin: 'https://evil.example' })).status).toBe(403);
  });
});

describe('GET /v1/items/:itemId/rating.jsonld', () => {
  test('a schema.org Product with aggregateRating and review, parsed and checked field by field', async () => {
    const f = await reviewedShop([
      { rating: 5, title: 'Love it', body: 'Keeps tea hot.', author: 'Ana' },
      { rating: 3, body: SCRIPT, author: IMG },
      { rating: 4 },
    ]);
    for (const id of f.ids) await f.publish(id);
    const res = await f.call('GET', '/v1/items/mug-1/rating.jsonld?site=pk_test'); // a shop's server: no Origin, no Referer
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const doc = JSON.parse(res.text);
    expect(doc).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Blue enamel mug',
      sku: 'mug-1',
      image: 'https://cdn.shop.example/mug.jpg',
      url: 'https://shop.example/p/mug-1',
      aggregateRating: { '@type': 'AggregateRating', ratingValue: 4, bestRating: 5, worstRating: 1, ratingCount: 3, reviewCount: 3 },
    });
    expect(doc.review).toHaveLength(3);
    for (const r of doc.review) {
      expect(r['@type']).toBe('Review');
      expect(r.reviewRating).toMatchObject({ '@type': 'Rating', bestRating: 5, worstRating: 1 });
      expect([1, 2, 3, 4, 5]).toContain(r.reviewRating.ratingValue);
      expect(r.author['@type']).toBe('Person');
      expect(typeof r.author.name).toBe('string');
      expect(r.author.name.length).toBeGreaterThan(0);
      expect(r.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(doc.review.map((r: { author: { name: string } }) => r.author.name)).toEqual(['Verified buyer', IMG, 'Ana']);
    expect(doc.review[1].reviewBody).toBe(SCRIPT);
    expect(doc.review[2]).toMatchObject({ name: 'Love it', reviewBody: 'Keeps tea hot.', reviewRating: { ratingValue: 5 } });
    // the text cannot break the page that inlines it: no <, > or & outside \u escapes
    expect(res.text).not.toMatch(/[<>&]/);
    expect(res.text).toContain('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    const page = `<script type="application/ld+json">${res.text}</script>`;
    expect(page.match(/<\/script>/g)).toHaveLength(1);
  });

  test('no reviews: a Product without aggregateRating; an unknown product is named by its id', async () => {
    const f = await reviewFixture();
    const doc = JSON.parse((await f.call('GET', '/v1/items/mug-1/rating.jsonld?site=pk_test')).text);
    expect(doc).toEqual({ '@context': 'https://schema.org', '@type': 'Product', name: 'Blue enamel mug', sku: 'mug-1', image: 'https://cdn.shop.example/mug.jpg', url: 'https://shop.example/p/mug-1' });
    const unknown = JSON.parse((await f.call('GET', '/v1/items/zz-9/rating.jsonld?site=pk_test')).text);
    expect(unknown).toEqual({ '@context': 'https://schema.org', '@type': 'Product', name: 'zz-9', sku: 'zz-9' });
    expect((await f.call('GET', '/v1/items/mug-1/rating.jsonld?site=pk_test', undefined, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await f.call('GET', '/v1/items/mug-1/rating.jsonld?site=pk_test', undefined, { origin: 'https://shop.example' })).status).toBe(200);
  });
});
