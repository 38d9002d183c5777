import { afterEach, describe, expect, test, vi } from 'vitest';
import { createRatingSource } from './rating-source.ts';
import { ratingAnswer, ratingStandIn, type StandIn } from './testing.ts';

let standIn: StandIn | undefined;
afterEach(async () => {
  await standIn?.close();
  standIn = undefined;
  vi.restoreAllMocks();
});
const quiet = () => vi.spyOn(console, 'warn').mockImplementation(() => {});

describe('createRatingSource', () => {
  test('asks Shoploop’s rating.jsonld for the item with the site key, and keeps only aggregateRating and review', async () => {
    standIn = await ratingStandIn(() => ({ status: 200, body: ratingAnswer('85123A', { offers: { price: 0 }, extra: '<b>' }) }));
    const ratings = createRatingSource({ api: `${standIn.url}/`, site: 'pk_demo' });
    const rating = await ratings.forItem('85123A');
    expect(standIn.requests).toEqual(['/v1/items/85123A/rating.jsonld?site=pk_demo']);
    expect(Object.keys(rating!)).toEqual(['aggregateRating', 'review']);
    expect(rating!.aggregateRating).toEqual({ '@type': 'AggregateRating', ratingValue: 4.5, bestRating: 5, worstRating: 1, ratingCount: 2, reviewCount: 2 });
    expect(rating!.review.map((r) => [r.reviewRating.ratingValue, r.author.name, r.reviewBody ?? null])).toEqual([
      [5, '<img src=x onerror=alert(1)>', '<script>alert(1)</script> <!-- and a comment'],
      [4, 'Verified buyer', null],
    ]);
  });

  test('encodes the item id into the path', async () => {
    standIn = await ratingStandIn(() => ({ status: 200, body: ratingAnswer('x') }));
    await createRatingSource({ api: standIn.url, site: 'pk demo' }).forItem('a/b?c');
    expect(standIn.requests).toEqual(['/v1/items/a%2Fb%3Fc/rating.jsonld?site=pk+demo']);
  });

  test('a product without published reviews has no rating (Shoploop sends no aggregateRating)', async () => {
    standIn = await ratingStandIn(() => ({ status: 200, body: ratingAnswer('22502', { aggregateRating: undefined, review: undefined }) }));
    await expect(createRatingSource({ api: standIn.url, site: 'pk_demo' }).forItem('22502')).resolves.toBeNull();
  });

  test('keeps an answer for cacheMs, then asks again', async () => {
    let t = 1_000_000;
    standIn = await ratingStandIn(() => ({ status: 200, body: ratingAnswer('85123A') }));
    const ratings = createRatingSource({ api: standIn.url, site: 'pk_demo', cacheMs: 60_000, now: () => t });
    await ratings.forItem('85123A');
    t += 59_999;
    await ratings.forItem('85123A');
    expect(standIn.requests).toHaveLength(1);
    t += 1;
    await ratings.forItem('85123A');
    expect(standIn.requests).toHaveLength(2);
  });

  test('renders of the same item at the same time share one request', async () => {
    standIn = await ratingStandIn(() => ({ status: 200, body: ratingAnswer('85123A') }));
    const ratings = createRatingSource({ api: standIn.url, site: 'pk_demo' });
    const answers = await Promise.all([ratings.forItem('85123A'), ratings.forItem('85123A'), ratings.forItem('85123A')]);
    expect(standIn.requests).toHaveLength(1);
    expect(answers[0]).toEqual(answers[2]);
  });

  test('a Shoploop that does not answer costs a page at most the timeout, then pages stop asking for a while', async () => {
    quiet();
    let t = 1_000_000;
    standIn = await ratingStandIn(() => 'hang');
    const ratings = createRatingSource({ api: standIn.url, site: 'pk_demo', timeoutMs: 150, pauseAfterFailureMs: 30_000, now: () => t });
    const started = performance.now();
    await expect(ratings.forItem('85123A')).resolves.toBeNull();
    expect(performance.now() - started).toBeLessThan(2_000); // 150 ms, with room for a busy machine
    await expect(ratings.forItem('22502')).resolves.toBeNull(); // another product: not asked during the pause
    expect(standIn.requests).toHaveLength(1);
    t += 30_000;
    await expect(ratings.forItem('22502')).resolves.toBeNull(); // asked again, and timed out again
    expect(standIn.requests).toHaveLength(2);
  });

  test('a Shoploop that is down (nothing listening) gives no rating and no error', async () => {
    quiet();
    standIn = await ratingStandIn(() => 'hang');
    const url = standIn.url;
    await standIn.close();
    standIn = undefined;
    await expect(createRatingSource({ api: url, site: 'pk_demo' }).forItem('85123A')).resolves.toBeNull();
  });

  test('an error status or an answer that is not the rating document gives no rating', async () => {
    const warn = quiet();
    for (const reply of [
      { status: 404, body: { error: 'unknown site' } },
      { status: 200, body: { '@type': 'Product', aggregateRating: { '@type': 'AggregateRating', ratingValue: 9, ratingCount: 1 } } },
      { status: 200, body: ['not', 'an', 'object'] },
    ]) {
      standIn = await ratingStandIn(() => reply);
      await expect(createRatingSource({ api: standIn.url, site: 'pk_demo' }).forItem('85123A')).resolves.toBeNull();
      await standIn.close();
    }
    standIn = undefined;
    expect(warn).toHaveBeenCalledTimes(3);
  });

  test('during an outage the last good rating is still shown', async () => {
    quiet();
    let t = 1_000_000;
    let up = true;
    standIn = await ratingStandIn(() => (up ? { status: 200, body: ratingAnswer('85123A') } : { status: 503, body: {} }));
    const ratings = createRatingSource({ api: standIn.url, site: 'pk_demo', cacheMs: 60_000, now: () => t });
    const before = await ratings.forItem('85123A');
    up = false;
    t += 120_000;
    await expect(ratings.forItem('85123A')).resolves.toEqual(before); // the failed refresh
    await expect(ratings.forItem('85123A')).resolves.toEqual(before); // the pause after it
    expect(standIn.requests).toHaveLength(2);
  });
});
