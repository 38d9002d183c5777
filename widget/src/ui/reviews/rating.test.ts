import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { showBlocks } from '../shoploop-ui.ts';
import { config, fakeTracker, settle, stubIntersectionObserver } from '../testing.ts';
import { forgetItemReviews } from './item-reviews.ts';
import { fakeReviewsApi, manyReviews, shadowOfKind } from './testing.ts';

// The `rating` stars of listings, through the UI bundle's entry as the tracker calls it, against the fake server.

let viewport: ReturnType<typeof stubIntersectionObserver>;
const elements = () => [...document.querySelectorAll<HTMLElement>('[data-shoploop="rating"]')];

/** a listing with these items' stars, after the tracker's call, every tile in view unless told otherwise */
const listing = async (items: string[], inView = items.map((_, i) => i)) => {
  document.body.innerHTML = items.map((item) => `<article><h3>${item}</h3><div data-shoploop="rating" data-item="${item}"></div></article>`).join('');
  await act(() => showBlocks(config, fakeTracker()));
  await vi.waitFor(() => expect(viewport.watched()).toHaveLength(items.length), { timeout: 5000 });
  for (const index of inView) act(() => viewport.show(elements()[index]!, 1));
  await settle();
};

beforeEach(() => {
  document.documentElement.lang = 'en';
  localStorage.clear();
  forgetItemReviews();
  viewport = stubIntersectionObserver();
});
afterEach(async () => {
  document.body.innerHTML = '';
  await settle();
  vi.unstubAllGlobals();
});

test('compact stars, average and count for each item of a listing; an item without reviews shows nothing', async () => {
  fakeReviewsApi({ reviews: [...manyReviews('A', 3), ...manyReviews('B', 1)] });
  await listing(['A', 'B', 'C']);
  const [a, b, c] = elements();
  const stars = (element: HTMLElement) => element.shadowRoot!.querySelector<HTMLElement>('.stars')!;
  expect(a!.hidden).toBe(false);
  expect(stars(a!).getAttribute('aria-label')).toBe('Rated 4.0 out of 5'); // 5, 4, 3
  expect(stars(a!).style.getPropertyValue('--fill')).toBe('80%');
  expect(a!.shadowRoot!.querySelector('.rating')!.textContent).toBe('★★★★★4.0(3 reviews)');
  expect(b!.shadowRoot!.querySelector('.rating')!.textContent).toBe('★★★★★5.0(1 review)');
  expect(c!.hidden).toBe(true);
  expect(a!.shadowRoot!.querySelector('style')!.textContent).toContain('min-height: 0 !important');
});

test('one request per item, and only for tiles near the viewport; the same item twice asks once', async () => {
  const api = fakeReviewsApi({ reviews: manyReviews('A', 2) });
  await listing(['A', 'B', 'A', 'D', 'E'], [0, 1, 2]);
  expect(api.routes().sort()).toEqual(['GET /v1/items/A/reviews?site=pk_ui&page=1&sort=newest', 'GET /v1/items/B/reviews?site=pk_ui&page=1&sort=newest']);
  act(() => viewport.show(elements()[4]!, 1));
  await settle();
  expect(api.calls).toHaveLength(3);
  expect(api.routes().at(-1)).toBe('GET /v1/items/E/reviews?site=pk_ui&page=1&sort=newest');
});

test('the stars and the reviews block of the same product share one request', async () => {
  const api = fakeReviewsApi({ reviews: manyReviews('A', 2) });
  document.body.innerHTML = '<div data-shoploop="rating" data-item="A"></div><div data-shoploop="reviews" data-item="A"></div>';
  await act(() => showBlocks(config, fakeTracker()));
  await vi.waitFor(() => expect(viewport.watched()).toHaveLength(2), { timeout: 5000 });
  for (const element of viewport.watched()) act(() => viewport.show(element, 1));
  await settle();
  expect(shadowOfKind('rating').querySelector('.count')!.textContent).toBe('(2 reviews)');
  expect(shadowOfKind('reviews').querySelectorAll('.review')).toHaveLength(2);
  expect(api.calls).toHaveLength(1);
});

test('an item id with slashes or spaces is one path segment', async () => {
  const api = fakeReviewsApi({ reviews: manyReviews('a/b c', 1) });
  await listing(['a/b c']);
  expect(api.calls[0]!.url.pathname).toBe('/v1/items/a%2Fb%20c/reviews');
  expect(elements()[0]!.hidden).toBe(false);
});

test('a failed request hides the stars, and is asked again on a later render rather than kept', async () => {
  const api = fakeReviewsApi({ reviews: manyReviews('A', 1), fail: [[/items/, 'network']] });
  await listing(['A']);
  expect(elements()[0]!.hidden).toBe(true);
  fakeReviewsApi({ reviews: manyReviews('A', 1) });
  await listing(['A']);
  expect(elements()[0]!.hidden).toBe(false);
  expect(api.calls).toHaveLength(1);
});

test('before the answer, empty stars hold the line', async () => {
  vi.stubGlobal('fetch', () => new Promise(() => {}));
  await listing(['A']);
  expect(elements()[0]!.hidden).toBe(false);
  expect(elements()[0]!.shadowRoot!.querySelector<HTMLElement>('.stars')!.style.getPropertyValue('--fill')).toBe('0%');
  expect(elements()[0]!.shadowRoot!.querySelector('.count')).toBeNull();
});

test('stars average in the page’s language', async () => {
  document.documentElement.lang = 'de';
  fakeReviewsApi({ reviews: manyReviews('A', 2) });
  await listing(['A']);
  expect(elements()[0]!.shadowRoot!.querySelector('.average')!.textContent).toBe('4,5');
});
