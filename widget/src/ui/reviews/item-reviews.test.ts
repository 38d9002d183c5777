import { afterEach, expect, test, vi } from 'vitest';
import { config } from '../testing.ts';
import { fetchItemReviews, forgetItemReviews, itemReviewsUrl, parseItemReviews } from './item-reviews.ts';

afterEach(() => {
  forgetItemReviews();
  vi.unstubAllGlobals();
});

test('the URL of GET /v1/items/:itemId/reviews: the id one path segment, site, page and sort', () => {
  expect(itemReviewsUrl(config, 'SKU 1/a?b')).toBe('https://api.example/v1/items/SKU%201%2Fa%3Fb/reviews?site=pk_ui&page=1&sort=newest');
  expect(itemReviewsUrl(config, 'A', 3, 'helpful')).toBe('https://api.example/v1/items/A/reviews?site=pk_ui&page=3&sort=helpful');
});

test('the contract’s answer is read as it is', () => {
  const answer = {
    itemId: 'A',
    rating: { average: 4.3, count: 12, distribution: { '1': 0, '2': 1, '3': 1, '4': 4, '5': 6 } },
    reviews: [
      { id: 'r1', rating: 5, title: 'T', body: 'B', author: 'N', createdAt: '2025-01-01T00:00:00.000Z', helpful: 3, reply: { body: 'R', createdAt: '2025-01-02T00:00:00.000Z' } },
      { id: 'r2', rating: 1, title: null, body: null, author: null, createdAt: '2025-01-01T00:00:00.000Z', helpful: 0, reply: null },
    ],
    page: 1,
    pages: 2,
  };
  const { itemId, ...rest } = answer;
  expect(parseItemReviews(answer)).toEqual({ ...rest, rating: { ...answer.rating, distribution: { 1: 0, 2: 1, 3: 1, 4: 4, 5: 6 } } });
});

test('anything else is read without trust', () => {
  expect(parseItemReviews(null)).toBeUndefined();
  expect(parseItemReviews({ reviews: [] })).toBeUndefined();
  expect(
    parseItemReviews({
      rating: { average: 6, count: 2.5, distribution: null },
      reviews: [{ id: 'a', rating: 0 }, { id: '', rating: 3 }, { id: 'b', rating: 3, title: 5, helpful: -1, reply: { body: 7 } }],
      page: 'x',
    }),
  ).toEqual({
    rating: { average: null, count: 0, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } },
    reviews: [{ id: 'b', rating: 3, title: null, body: null, author: null, createdAt: '', helpful: 0, reply: null }],
    page: 1,
    pages: 1,
  });
});

test('the same URL is asked once while its answer is kept; a failure is not kept', async () => {
  let status = 500;
  const fetch = vi.fn(async () => Response.json({ rating: { average: 5, count: 1, distribution: { 5: 1 } } }, { status }));
  vi.stubGlobal('fetch', fetch);
  const url = itemReviewsUrl(config, 'A');
  expect(await fetchItemReviews(url)).toBeUndefined();
  status = 200;
  const [first, second] = await Promise.all([fetchItemReviews(url), fetchItemReviews(url)]);
  expect(first!.rating.count).toBe(1);
  expect(second).toBe(first);
  expect(await fetchItemReviews(url)).toBe(first);
  expect(fetch).toHaveBeenCalledTimes(2);
});
