import fc from 'fast-check';
import { expect, test } from 'vitest';
import { SHOP_ORIGIN, SITE_KEY } from '../../test/helpers.ts';
import { DAY, MUG, SOFA, reviewFixture } from '../reviews/testing/review-fixture.ts';
import { brokenEscapes, encodeQueryValue, hostileBody, hostileQuery, hostileString } from './hostile-values.ts';
import { check, expectClearAnswer, expectHealthy, expectPrototypeUntouched, prototypeSnapshot, read, rowCounts } from './judge.ts';

// The review routes: a buyer's requests, a review, "not now", "helpful", and the public reads (JSON and JSON-LD).

/** A buyer of the mug and the sofa whose request has come, with its real token. */
async function askedBuyer() {
  const f = await reviewFixture({ requestAfterDays: 1 });
  await f.buy('v1', 'o-1', [MUG, SOFA]);
  await f.advance(DAY);
  const [request] = await f.requests('v1');
  return { ...f, token: request!.token };
}

const post = (f: Awaited<ReturnType<typeof askedBuyer>>, path: string, body: string) =>
  f.app.request(path, { method: 'POST', headers: { origin: SHOP_ORIGIN, 'content-type': 'text/plain' }, body });

test('POST /v1/reviews, /v1/reviews/dismissals and /v1/reviews/:id/helpful with hostile bodies: a clear 4xx with nothing stored', async () => {
  const f = await askedBuyer();
  const proto = prototypeSnapshot();
  const bodies = fc.oneof(
    hostileBody(() => ({ site: SITE_KEY, token: f.token, item_id: 'mug-1', rating: 4, title: 'Solid', body: 'Good mug', author: 'Ann' }), [['site'], ['token'], ['item_id'], ['rating'], ['title'], ['body'], ['author']]).map((b) => ['/v1/reviews', b] as const),
    hostileBody(() => ({ site: SITE_KEY, token: f.token, scope: 'request' }), [['site'], ['token'], ['scope']]).map((b) => ['/v1/reviews/dismissals', b] as const),
    fc
      .tuple(fc.oneof(fc.constant('rev_abc123'), hostileString.map(encodeQueryValue), fc.constantFrom(...brokenEscapes)), hostileBody(() => ({ site: SITE_KEY, vid: 'v2' }), [['site'], ['vid']]))
      .map(([id, b]) => [`/v1/reviews/${id}/helpful`, b] as const),
  );
  await check(bodies, async ([path, body]) => {
    f.clock.advance(60_000); // a fresh minute for the per-address limits
    const before = await rowCounts(f.db);
    const answer = await read(await post(f, path, body));
    expectClearAnswer(answer, `POST ${path.slice(0, 100)} ${body.slice(0, 200)}`);
    if (answer.status >= 400) expect(await rowCounts(f.db), `stored for ${answer.status} ${answer.text}`).toEqual(before);
    expectPrototypeUntouched(proto);
  });
  await expectHealthy(f.app);
});

test('GET /v1/reviews/requests and /v1/items/:id/reviews with hostile queries and item ids: a clear 4xx or an answer, nothing stored', async () => {
  const f = await askedBuyer();
  const before = await rowCounts(f.db);
  const itemId = fc.oneof(fc.constant('mug-1'), hostileString.filter((s) => s.length > 0).map(encodeQueryValue), fc.constantFrom(...brokenEscapes, '..%2F..%2Fadmin%2Fapi%2Fsites', '%2e%2e'));
  const requests = hostileQuery({ site: SITE_KEY, visitor: 'v1' }).map((q) => `/v1/reviews/requests?${q}`);
  const items = fc.tuple(itemId, hostileQuery({ site: SITE_KEY, page: '1', sort: 'helpful' })).map(([id, q]) => `/v1/items/${id}/reviews?${q}`);
  await check(fc.oneof(requests, items), async (path) => {
    for (const headers of [{ origin: SHOP_ORIGIN }, {}] as Array<Record<string, string>>) {
      const answer = await read(await f.app.request(path, { headers }));
      expectClearAnswer(answer, `GET ${path.slice(0, 300)}`);
      if (path.startsWith('/v1/reviews/requests') && answer.status === 200) {
        // only the asked buyer's own requests carry a token; nobody else's
        for (const r of (answer.json as { requests: Array<{ token: string }> }).requests) expect(r.token).toBe(f.token);
      }
    }
  });
  expect(await rowCounts(f.db)).toEqual(before);
  await expectHealthy(f.app);
});

test('rating.jsonld never carries a raw <, > or &, whatever the item id and the published review say; it parses back to the text', async () => {
  const f = await askedBuyer();
  const text = hostileString.filter((s) => s.length <= 60);
  let order = 1;
  await check(
    fc.record({ title: text, body: text, author: text, itemId: hostileString.filter((s) => s.length >= 1 && s.length <= 128 && !s.includes('\u0000')) }), // the collector refuses a NUL
    async ({ title, body, author, itemId }) => {
      f.clock.advance(60_000);
      // a real buyer of this item, whose review is published by the shop
      const vid = `buyer${++order}`;
      await f.buy(vid, `o-${order}`, [{ ...MUG, item_id: itemId }]);
      await f.advance(DAY);
      const [request] = await f.requests(vid);
      const before = await rowCounts(f.db);
      const sent = await f.review({ token: request!.token, item_id: itemId, rating: 3, title, body, author });
      if (`${title}${body}${author}`.includes('\u0000')) {
        // libSQL reads text back cut at a NUL: refused rather than shown shorter than written (http/nul-escape.ts)
        expect(sent.status, sent.text).toBe(400);
        expect(await rowCounts(f.db)).toEqual(before);
        return;
      }
      expect(sent.status, sent.text).toBe(201);
      expect((await f.admin('POST', `/admin/api/reviews/${sent.body.review.id}/publish`)).status).toBe(200);
      const answer = await read(await f.app.request(`/v1/items/${encodeQueryValue(itemId)}/rating.jsonld?site=${SITE_KEY}`));
      expect(answer.status, answer.text).toBe(200);
      expect(answer.text).not.toMatch(/[<>&\u2028\u2029]/);
      const ld = JSON.parse(answer.text) as { review: Array<{ name?: string; reviewBody?: string; author?: { name?: string } }> };
      const newest = ld.review[0]!;
      // what a browser sends is UTF-8: a lone surrogate arrives as U+FFFD, everything else exactly
      const utf8 = (s: string) => (s === '' ? undefined : Buffer.from(s).toString('utf8'));
      expect(newest.reviewBody).toBe(utf8(body));
      expect(newest.name).toBe(utf8(title));
    },
    15,
  );
  await expectHealthy(f.app);
});
