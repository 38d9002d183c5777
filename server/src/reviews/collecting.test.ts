import { describe, expect, test } from 'vitest';
import { SHOP_ORIGIN } from '../../test/helpers.ts';
import { createSite } from '../sites/sites.ts';
import { DAY, MINUTE, MUG, SOFA, reviewFixture } from './testing/review-fixture.ts';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';

/** A buyer of the mug and the sofa whose request has come, with its token. */
async function askedBuyer(settings = {}) {
  const f = await reviewFixture({ requestAfterDays: 1, ...settings });
  await f.buy('v1', 'o-1', [MUG, SOFA]);
  await f.advance(DAY);
  const [request] = await f.requests('v1');
  return { ...f, token: request!.token };
}

describe('POST /v1/reviews', () => {
  test('a review is stored as given and waits for moderation by default; the token works once per item', async () => {
    const f = await askedBuyer();
    const res = await f.review({ token: f.token, item_id: 'mug-1', rating: 4, title: 'Nice & solid', body: SCRIPT, author: IMG });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ review: { id: expect.stringMatching(/^rev_/), status: 'pending' } });
    const { body } = await f.admin('GET', `/admin/api/reviews?site=${f.site.id}&status=pending`);
    expect(body.reviews).toHaveLength(1);
    expect(body.reviews[0]).toMatchObject({ id: res.body.review.id, itemId: 'mug-1', orderId: 'o-1', rating: 4, title: 'Nice & solid', body: SCRIPT, author: IMG, heldReason: 'waiting for moderation (auto-publish is off)' });

    const again = await f.review({ token: f.token, item_id: 'mug-1', rating: 5 });
    expect(again.status).toBe(409);
    // the card now asks only about the sofa, with the same token
    expect((await f.requests('v1'))[0]!.items.map((i) => i.itemId)).toEqual(['sofa-1']);
    expect((await f.review({ token: f.token, item_id: 'sofa-1', rating: 2 })).status).toBe(201);
    // every item reviewed: the request is done
    expect(await f.requests('v1')).toEqual([]);
    expect((await f.db.client.execute('SELECT status FROM review_requests')).rows[0]!.status).toBe('completed');
  });

  test('auto-publish publishes what shows no sign of spam, whatever the rating', async () => {
    const f = await askedBuyer({ autoPublish: true });
    expect((await f.review({ token: f.token, item_id: 'mug-1', rating: 1, body: 'Chipped after a week, would not buy again.' })).body.review.status).toBe('published');
    expect((await f.review({ token: f.token, item_id: 'sofa-1', rating: 5, body: 'Lovely sofa, seller at www.cheap-sofas.example' })).body.review.status).toBe('pending');
  });

  const spam: Array<[string, Record<string, string>, string]> = [
    ['a link in the body', { body: 'Great, more at https://spam.example/x' }, 'contains a link'],
    ['a bare domain in the title', { title: 'visit bestdeals.com now' }, 'contains a link'],
    ['a link as the author', { author: 'www.shop-deals.example' }, 'contains a link'],
    ['repeated characters', { body: 'Good!!!!!!!!!!!!!!' }, 'repeated characters'],
  ];
  test.each(spam)('%s is held for moderation even with auto-publish on', async (_, text, reason) => {
    const f = await askedBuyer({ autoPublish: true });
    const res = await f.review({ token: f.token, item_id: 'mug-1', rating: 5, ...text });
    expect(res.body.review.status).toBe('pending');
    const { body } = await f.admin('GET', `/admin/api/reviews?site=${f.site.id}`);
    expect(body.reviews[0].heldReason).toBe(reason);
    // and it is not shown
    expect((await f.call('GET', `/v1/items/mug-1/reviews?site=pk_test`)).body.reviews).toEqual([]);
  });

  test('the same text as another review is held, told apart from ordinary words', async () => {
    const f = await reviewFixture({ requestAfterDays: 1, autoPublish: true });
    for (const [vid, order] of [['a', 'o-a'], ['b', 'o-b'], ['c', 'o-c']] as const) await f.buy(vid, order);
    await f.advance(DAY);
    const token = async (vid: string) => (await f.requests(vid))[0]!.token;
    const text = 'Best mug I have ever owned, keeps coffee hot for ages.';
    expect((await f.review({ token: await token('a'), item_id: 'mug-1', rating: 5, body: text })).body.review.status).toBe('published');
    expect((await f.review({ token: await token('b'), item_id: 'mug-1', rating: 5, body: `  ${text.toUpperCase()}!! ` })).body.review.status).toBe('pending');
    // a short common phrase is no copy
    expect((await f.review({ token: await token('c'), item_id: 'mug-1', rating: 5, body: 'Great mug!' })).body.review.status).toBe('published');
    const held = (await f.admin('GET', `/admin/api/reviews?site=${f.site.id}&status=pending`)).body.reviews;
    expect(held.map((r: { heldReason: string }) => r.heldReason)).toEqual(['the same text as another review']);
  });
});

describe('refusals store nothing', () => {
  test('403 for a bad, tampered, expired, other order\'s or other site\'s token; 409 for a reuse; 400 for bad input', async () => {
    const f = await askedBuyer();
    await f.buy('v2', 'o-2', [{ item_id: 'lamp-1', item_name: 'Lamp' }]);
    await f.advance(DAY);
    const other = (await f.requests('v2'))[0]!.token;
    expect((await f.review({ token: f.token, item_id: 'mug-1', rating: 3 })).status).toBe(201);
    const before = await f.stored();

    const [payload, signature] = f.token.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), o: 'o-2' })).toString('base64url');
    const refusals: Array<[string, Record<string, unknown>, number]> = [
      ['garbage', { token: 'not-a-token', item_id: 'sofa-1', rating: 3 }, 403],
      ['a tampered payload', { token: `${forged}.${signature}`, item_id: 'sofa-1', rating: 3 }, 403],
      ['a tampered signature', { token: `${payload}.${signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`, item_id: 'sofa-1', rating: 3 }, 403],
      ['an item of another order', { token: f.token, item_id: 'lamp-1', rating: 3 }, 403],
      ['another order\'s token for this order\'s item', { token: other, item_id: 'sofa-1', rating: 3 }, 403],
      ['a reuse', { token: f.token, item_id: 'mug-1', rating: 5 }, 409],
      ['rating 0', { token: f.token, item_id: 'sofa-1', rating: 0 }, 400],
      ['rating 6', { token: f.token, item_id: 'sofa-1', rating: 6 }, 400],
      ['rating 4.5', { token: f.token, item_id: 'sofa-1', rating: 4.5 }, 400],
      ['a title of 121 characters', { token: f.token, item_id: 'sofa-1', rating: 3, title: 't'.repeat(121) }, 400],
      ['a body of 5,001 characters', { token: f.token, item_id: 'sofa-1', rating: 3, body: 'b'.repeat(5001) }, 400],
      ['an author of 61 characters', { token: f.token, item_id: 'sofa-1', rating: 3, author: 'a'.repeat(61) }, 400],
      ['an unknown field', { token: f.token, item_id: 'sofa-1', rating: 3, reward: 'coupon' }, 400],
      ['no token', { item_id: 'sofa-1', rating: 3 }, 400],
    ];
    for (const [what, body, status] of refusals) {
      const res = await f.review(body);
      expect(res.status, what).toBe(status);
      expect(res.body.error?.message, what).toBeTruthy();
    }
    // the longest allowed fields pass
    expect(await f.stored()).toEqual(before);

    // another site's page cannot use the token, even with the right origin for that site
    await createSite(f.db, { name: 'Other shop', origins: ['https://other.example'], id: 'site_other', publicKey: 'pk_other' }, f.clock.now());
    const cross = await f.call('POST', '/v1/reviews', { site: 'pk_other', token: f.token, item_id: 'sofa-1', rating: 3 }, { origin: 'https://other.example' });
    expect(cross.status).toBe(403);
    // a page elsewhere cannot post for this site
    expect((await f.call('POST', '/v1/reviews', { site: 'pk_test', token: f.token, item_id: 'sofa-1', rating: 3 }, { origin: 'https://evil.example' })).status).toBe(403);

    // the token dies with its request: 45 days after the ask
    await f.advance(45 * DAY);
    const expired = await f.review({ token: f.token, item_id: 'sofa-1', rating: 3 });
    expect(expired).toMatchObject({ status: 403, body: { error: { message: 'this review link has expired' } } });
    expect(await f.stored()).toEqual(before);
    expect((await f.review({ token: other, item_id: 'lamp-1', rating: 3, title: 't'.repeat(120), body: 'b'.repeat(5000), author: 'a'.repeat(60) })).status).toBe(403);
  });

  test('the longest allowed text is taken', async () => {
    const f = await askedBuyer();
    const res = await f.review({ token: f.token, item_id: 'mug-1', rating: 3, title: 't'.repeat(120), body: 'é'.repeat(5000), author: 'a'.repeat(60) });
    expect(res.status).toBe(201);
  });

  test('a refunded order\'s token no longer works; a dismissal needs a good token too', async () => {
    const f = await askedBuyer();
    await f.admin('POST', '/admin/api/reviews/orders/o-1/cancel', { reason: 'refunded' });
    const before = await f.stored();
    expect((await f.review({ token: f.token, item_id: 'mug-1', rating: 3 })).status).toBe(403);
    expect((await f.page('POST', '/v1/reviews/dismissals', { site: 'pk_test', token: 'x.y', scope: 'always' })).status).toBe(403);
    expect((await f.page('POST', '/v1/reviews/dismissals', { site: 'pk_test', token: f.token, scope: 'forever' })).status).toBe(400);
    expect(await f.stored()).toEqual(before);
  });

  test('rate limited per address: 10 reviews a minute, then 429 with Retry-After, before the token is even read', async () => {
    const f = await askedBuyer();
    for (let i = 0; i < 10; i++) expect((await f.review({ token: 'bad.token', item_id: 'mug-1', rating: 3 })).status).toBe(403);
    const limited = await f.review({ token: f.token, item_id: 'mug-1', rating: 3 });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await f.stored()).reviews).toBe(0);
    f.clock.advance(MINUTE);
    expect((await f.review({ token: f.token, item_id: 'mug-1', rating: 3 })).status).toBe(201);
  });
});

describe('the review in the person\'s history', () => {
  test('review_submitted is an event of the buyer, in the visitor view, and folded by the lifecycle', async () => {
    const f = await askedBuyer();
    const res = await f.review({ token: f.token, item_id: 'mug-1', rating: 5 });
    await f.scheduler.runDue();
    const { body } = await f.admin('GET', `/admin/api/visitors/v1?site=${f.site.id}`);
    const events = body.events as Array<{ name: string; params: Record<string, unknown>; sessionId: string }>;
    expect(events.map((e) => e.name)).toEqual(['purchase', 'review_submitted']);
    expect(events[1]!.params).toEqual({ items: [{ item_id: 'mug-1' }], transaction_id: 'o-1', review_id: res.body.review.id, rating: 5 });
    expect(events[1]!.sessionId).toBe(events[0]!.sessionId);
    const profile = await f.db.client.execute(`SELECT due_at, facts FROM profiles WHERE profile_id = 'v:v1'`);
    expect(JSON.parse(String(profile.rows[0]!.facts)).lastEventAt).toBe(f.clock.now());
    // pages cannot send it
    const forged = await f.page('POST', '/v1/collect', { site: 'pk_test', vid: 'v1', events: [f.event('review_submitted', { rating: 5 })] });
    expect(forged.status).toBe(400);
  });

  test('a product the person rated 2 stars or fewer is never recommended to them, on any of their devices', async () => {
    const f = await reviewFixture({ requestAfterDays: 1 });
    // the shop's best sellers: the sofa, then the mug
    for (const vid of ['p1', 'p2', 'p3']) await f.send(vid, f.event('view_item', { items: [{ item_id: 'sofa-1' }] }), f.event('view_item', { items: [{ item_id: 'mug-1' }] }), f.event('view_item', { items: [{ item_id: 'sofa-1' }] }));
    await f.send('phone', f.event('identify', { customer_id: 'cust-9' }));
    await f.buy('phone', 'o-9', [MUG, SOFA]);
    await f.send('laptop', f.event('identify', { customer_id: 'cust-9' }));
    await f.advance(DAY);
    const popular = async (vid: string) =>
      ((await f.page('GET', `/v1/recommendations?site=pk_test&visitor=${vid}&scenario=popular&limit=5`)).body.items as Array<{ item_id: string }>).map((i) => i.item_id);
    expect(await popular('laptop')).toEqual(['sofa-1', 'mug-1']);
    const token = (await f.requests('laptop'))[0]!.token;
    await f.review({ token, item_id: 'sofa-1', rating: 2 });
    await f.review({ token, item_id: 'mug-1', rating: 3 });
    await f.scheduler.runDue(); // the lifecycle folds the reviews into the person's facts (each second in a server)
    expect(await popular('laptop')).toEqual(['mug-1']); // a 3 is no dislike
    expect(await popular('p1')).toEqual(['sofa-1', 'mug-1']); // nobody else's list changes
    // the person's latest opinion decides: the sofa bought again and liked this time
    await f.buy('phone', 'o-10', [SOFA]);
    await f.advance(DAY);
    await f.review({ token: (await f.requests('phone'))[0]!.token, item_id: 'sofa-1', rating: 4 });
    await f.scheduler.runDue();
    expect(await popular('laptop')).toEqual(['sofa-1', 'mug-1']);
  });
});

test('erasing a customer removes their reviews, requests and "don\'t ask" flag with the rest of their data', async () => {
  const f = await reviewFixture({ requestAfterDays: 1, autoPublish: true });
  await f.send('phone', f.event('identify', { customer_id: 'cust-1' }));
  await f.buy('phone', 'o-1', [MUG, SOFA]);
  await f.advance(DAY);
  const token = (await f.requests('phone'))[0]!.token;
  await f.review({ token, item_id: 'mug-1', rating: 5, author: 'Ana Example' });
  await f.page('POST', '/v1/reviews/dismissals', { site: 'pk_test', token, scope: 'always' });
  const res = await f.admin('DELETE', '/admin/api/customers/cust-1');
  expect(res.body.erased).toMatchObject({ reviews: 1, reviewRequests: 1 });
  expect((await f.call('GET', '/v1/items/mug-1/reviews?site=pk_test')).body.rating.count).toBe(0);
  expect(await f.stored()).toEqual({ reviews: 0, events: 0, optOuts: 0, requests: 0 });
});

describe('helpful votes', () => {
  test('once per visitor, only on published reviews', async () => {
    const f = await askedBuyer({ autoPublish: true });
    const id = (await f.review({ token: f.token, item_id: 'mug-1', rating: 4 })).body.review.id as string;
    const vote = (vid: string, review = id) => f.page('POST', `/v1/reviews/${review}/helpful`, { site: 'pk_test', vid });
    expect((await vote('a')).body).toEqual({ helpful: 1 });
    expect((await vote('a')).body).toEqual({ helpful: 1 });
    expect((await vote('b')).body).toEqual({ helpful: 2 });
    expect((await vote('a b')).status).toBe(400);
    expect((await vote('c', 'rev_nothere')).status).toBe(404);
    const pending = (await f.review({ token: f.token, item_id: 'sofa-1', rating: 4, body: 'see www.x.com' })).body.review.id as string;
    expect((await vote('c', pending)).status).toBe(404);
    const res = await f.call('POST', `/v1/reviews/${id}/helpful`, { site: 'pk_test', vid: 'z' }, { origin: SHOP_ORIGIN.replace('shop', 'evil') });
    expect(res.status).toBe(403);
  });
});
