import { afterEach, expect, test, vi } from 'vitest';
import { config } from '../testing.ts';
import { dismiss, markHelpful, submitReview } from './send.ts';

// The outcomes the card shows, by what the server answers; the bodies themselves are checked against the contract
// by the fake server in card.test.ts and reviews.test.ts.

const answer = (status: number, body: unknown = {}) => {
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response(typeof body == 'string' ? body : JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
};
afterEach(() => vi.unstubAllGlobals());

test.each([
  [201, { review: { id: 'r1', status: 'published' } }, { status: 'published' }],
  [201, { review: { id: 'r1', status: 'pending' } }, { status: 'pending' }],
  [201, 'not json', { status: 'pending' }], // taken; what became of it is unknown: the careful thanks
  [403, { error: { code: 'forbidden', message: 'bad token' } }, { status: 'expired' }],
  [409, { error: { code: 'conflict' } }, { status: 'reviewed' }],
  [429, { error: { code: 'rate_limited' } }, { status: 'rate_limited' }],
  [400, { error: { code: 'bad_request', message: 'invalid body: rating: Too big' } }, { status: 'invalid', message: 'invalid body: rating: Too big' }],
  [400, '<html>proxy</html>', { status: 'invalid', message: undefined }],
  [500, {}, { status: 'failed' }],
  [404, {}, { status: 'failed' }],
])('POST /v1/reviews answering %i %j is %j', async (status, body, outcome) => {
  const fetch = answer(status, body);
  expect(await submitReview(config, 'tok', { itemId: 'A', rating: 5, title: 'T' })).toEqual(outcome);
  const [url, init] = fetch.mock.calls[0]!;
  expect(url).toBe('https://api.example/v1/reviews');
  expect(init).toEqual({ method: 'POST', body: JSON.stringify({ site: 'pk_ui', token: 'tok', item_id: 'A', rating: 5, title: 'T' }) });
});

test('a network failure is "failed"; dismiss and helpful say false and undefined instead of throwing', async () => {
  vi.stubGlobal('fetch', async () => {
    throw new TypeError('Failed to fetch');
  });
  expect(await submitReview(config, 'tok', { itemId: 'A', rating: 5 })).toEqual({ status: 'failed' });
  expect(await dismiss(config, 'tok', 'request')).toBe(false);
  expect(await markHelpful(config, 'r1', 'V1')).toBeUndefined();
});

test('helpful takes only a count from the answer', async () => {
  answer(200, { helpful: 4 });
  expect(await markHelpful(config, 'r 1', 'V1')).toBe(4);
  answer(200, { helpful: '4' });
  expect(await markHelpful(config, 'r1', 'V1')).toBeUndefined();
  answer(409, { helpful: 4 });
  expect(await markHelpful(config, 'r1', 'V1')).toBeUndefined();
});
