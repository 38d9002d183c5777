import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { showBlocks } from '../shoploop-ui.ts';
import { config, fakeTracker, settle, stubIntersectionObserver } from '../testing.ts';
import { forgetItemReviews } from './item-reviews.ts';
import { fakeReviewsApi, manyReviews, shadowOfKind, type FakeReview } from './testing.ts';

// The `reviews` block through the UI bundle's own entry, as the tracker calls it on a page view: the block's element
// gets a shadow root, the reviews chunk is imported, and the block asks the fake server (which holds the contract).

let viewport: ReturnType<typeof stubIntersectionObserver>;
const element = () => document.querySelector<HTMLElement>('[data-shoploop="reviews"]')!;
const root = () => shadowOfKind('reviews');
const texts = (selector: string) => [...root().querySelectorAll(selector)].map((node) => node.textContent);

/** a page with `html`, after the tracker's call; the block scrolled near the viewport */
const page = async (html: string, tracker = fakeTracker()) => {
  document.body.innerHTML = html;
  await act(() => showBlocks(config, tracker));
  await vi.waitFor(() => expect(viewport.watched()).toContain(element()), { timeout: 5000 });
  act(() => viewport.show(element(), 1));
  await settle();
};
const click = async (button: Element | undefined) => {
  expect(button).toBeDefined();
  act(() => (button as HTMLElement).click());
  await settle();
};
const button = (label: string) => [...root().querySelectorAll('button')].find((b) => b.textContent!.trim().startsWith(label));

beforeEach(() => {
  document.head.innerHTML = '';
  document.documentElement.lang = 'en-GB';
  history.replaceState(null, '', '/');
  localStorage.clear();
  forgetItemReviews();
  viewport = stubIntersectionObserver();
});
afterEach(async () => {
  document.body.innerHTML = '';
  await settle();
  vi.unstubAllGlobals();
});

const tee: FakeReview[] = [
  {
    id: 'rv-a',
    item: 'TEE-1',
    rating: 5,
    title: 'Soft and warm',
    body: 'Fits well.\nWashes well.',
    author: 'Ana',
    createdAt: '2025-03-12T10:00:00.000Z',
    helpful: 2,
    reply: { body: 'Thank you, Ana!', createdAt: '2025-03-13T09:00:00.000Z' },
  },
  { id: 'rv-b', item: 'TEE-1', rating: 4, title: null, body: 'Good.', author: null, createdAt: '2025-03-14T10:00:00.000Z', helpful: 7 },
  { id: 'rv-c', item: 'TEE-1', rating: 1, body: 'Hidden', createdAt: '2025-03-15T10:00:00.000Z', status: 'pending' },
  { id: 'rv-d', item: 'MUG-2', rating: 2, body: 'Another product', createdAt: '2025-03-15T10:00:00.000Z' },
];

test('average, count, distribution and the published reviews, newest first, with the shop’s reply', async () => {
  const api = fakeReviewsApi({ reviews: tee });
  await page('<div data-shoploop="reviews" data-item="TEE-1"></div>');
  expect(api.routes()).toEqual(['GET /v1/items/TEE-1/reviews?site=pk_ui&page=1&sort=newest']);
  expect(element().hidden).toBe(false);
  expect(root().querySelector('h2')!.textContent).toBe('Customer reviews');
  expect(root().querySelector('.average')!.textContent).toBe('4.5');
  expect(root().querySelector('.overall .stars')!.getAttribute('aria-label')).toBe('Rated 4.5 out of 5');
  expect(root().querySelector<HTMLElement>('.overall .stars')!.style.getPropertyValue('--fill')).toBe('90%');
  expect(root().querySelector('.overall .count')!.textContent).toBe('2 reviews');
  // 5 to 1 stars: label, bar, count
  expect(texts('.distribution .n')).toEqual(['1', '1', '0', '0', '0']);
  expect(texts('.distribution .label')).toEqual(['5 ★ stars:', '4 ★ stars:', '3 ★ stars:', '2 ★ stars:', '1 ★ star:']);
  expect([...root().querySelectorAll<HTMLElement>('.share span')].map((bar) => bar.style.width)).toEqual(['50%', '50%', '0%', '0%', '0%']);

  const [newest, older] = [...root().querySelectorAll('.review')];
  expect(newest!.querySelector('.stars')!.getAttribute('aria-label')).toBe('Rated 4.0 out of 5');
  expect(newest!.querySelector('.review-title')).toBeNull();
  expect(newest!.querySelector('.author')!.textContent).toBe('A customer');
  expect(newest!.querySelector('.body')!.textContent).toBe('Good.');
  expect(newest!.querySelector('.reply')).toBeNull();
  expect(older!.querySelector('.review-title')!.textContent).toBe('Soft and warm');
  expect(older!.querySelector('.meta')!.textContent).toBe('Ana · 12 March 2025✓ Verified purchase');
  expect(older!.querySelector('time')!.getAttribute('datetime')).toBe('2025-03-12T10:00:00.000Z');
  expect(older!.querySelector('.body')!.textContent).toBe('Fits well.\nWashes well.');
  expect(older!.querySelector('.reply')!.textContent).toBe('Reply from the shop · 13 March 2025Thank you, Ana!');
  expect(texts('.helpful')).toEqual(['Helpful (7)', 'Helpful (2)']);
  expect(root().querySelector('.pager')).toBeNull(); // one page
  expect(root().querySelector('style')!.textContent).toContain('var(--shoploop-star, #f5a623)');
});

test('a review body <script> and an author <img onerror> render as text, never as HTML', async () => {
  const alert = vi.fn();
  vi.stubGlobal('alert', alert);
  const hostile = '<img src=x onerror=alert(1)>';
  fakeReviewsApi({
    reviews: [
      {
        id: 'rv-x',
        item: 'TEE-1',
        rating: 1,
        title: '<b>bold</b>',
        body: '<script>alert(1)</script>',
        author: hostile,
        createdAt: '2025-03-12T10:00:00.000Z',
        reply: { body: '<a href="javascript:alert(1)">reply</a>', createdAt: '2025-03-13T09:00:00.000Z' },
      },
    ],
  });
  await page('<div data-shoploop="reviews" data-item="TEE-1"></div>');
  const review = root().querySelector('.review')!;
  expect(review.querySelector('.body')!.textContent).toBe('<script>alert(1)</script>');
  expect(review.querySelector('.author')!.textContent).toBe(hostile);
  expect(review.querySelector('.review-title')!.textContent).toBe('<b>bold</b>');
  expect(review.querySelector('.reply p:last-child')!.textContent).toBe('<a href="javascript:alert(1)">reply</a>');
  expect(root().querySelectorAll('script, img, b, a')).toHaveLength(0);
  expect(review.innerHTML).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(review.innerHTML).toContain('&lt;img src=x onerror=alert(1)&gt;');
  await settle();
  expect(alert).not.toHaveBeenCalled();
});

test('ten a page: Next and Previous ask for the other pages; "Most helpful" asks again from page 1', async () => {
  const api = fakeReviewsApi({ reviews: manyReviews('TEE-1', 23).map((review, i) => ({ ...review, helpful: i == 22 ? 50 : i })) });
  await page('<div data-shoploop="reviews" data-item="TEE-1"></div>');
  expect(texts('.review-title')).toEqual(Array.from({ length: 10 }, (_, i) => `Review ${i + 1}`));
  expect(root().querySelector('.pager span')!.textContent).toBe('Page 1 of 3');
  expect(button('Previous')!.disabled).toBe(true);

  await click(button('Next'));
  expect(texts('.review-title')[0]).toBe('Review 11');
  expect(root().querySelector('.pager span')!.textContent).toBe('Page 2 of 3');
  await click(button('Next'));
  expect(texts('.review-title')).toEqual(['Review 21', 'Review 22', 'Review 23']);
  expect(button('Next')!.disabled).toBe(true);
  await click(button('Previous'));
  expect(texts('.review-title')[0]).toBe('Review 11');

  const select = root().querySelector('select')!;
  expect([...select.options].map((option) => [option.value, option.textContent])).toEqual([
    ['newest', 'Most recent'],
    ['helpful', 'Most helpful'],
  ]);
  act(() => {
    select.value = 'helpful';
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
  expect(texts('.review-title').slice(0, 3)).toEqual(['Review 23', 'Review 22', 'Review 21']);
  expect(root().querySelector('.pager span')!.textContent).toBe('Page 1 of 3');
  expect(api.routes()).toEqual([
    'GET /v1/items/TEE-1/reviews?site=pk_ui&page=1&sort=newest',
    'GET /v1/items/TEE-1/reviews?site=pk_ui&page=2&sort=newest',
    'GET /v1/items/TEE-1/reviews?site=pk_ui&page=3&sort=newest',
    // page 2 again comes from the page's memory
    'GET /v1/items/TEE-1/reviews?site=pk_ui&page=1&sort=helpful',
  ]);
});

test('"helpful" sends the visitor’s vote once and shows the server’s count; without a visitor id there is no vote', async () => {
  const api = fakeReviewsApi({ reviews: tee });
  await page('<div data-shoploop="reviews" data-item="TEE-1"></div>');
  const helpful = () => root().querySelectorAll<HTMLButtonElement>('.helpful')[1]!;
  expect(helpful().getAttribute('aria-pressed')).toBe('false');
  await click(helpful());
  expect(helpful().textContent).toBe('Helpful (3)');
  expect(helpful().disabled).toBe(true);
  expect(helpful().getAttribute('aria-pressed')).toBe('true');
  const votes = api.calls.filter(({ method }) => method == 'POST');
  expect(votes.map(({ url, body }) => [url.href, body])).toEqual([['https://api.example/v1/reviews/rv-a/helpful', { site: 'pk_ui', vid: 'V1' }]]);

  document.body.innerHTML = '';
  await settle();
  forgetItemReviews();
  await page('<div data-shoploop="reviews" data-item="TEE-1"></div>', fakeTracker(false));
  expect([...root().querySelectorAll<HTMLButtonElement>('.helpful')].map((b) => b.disabled)).toEqual([true, true]);
});

test('an item without reviews says so; data-title replaces the heading', async () => {
  fakeReviewsApi({ reviews: tee });
  await page('<div data-shoploop="reviews" data-item="NEW-9" data-title="What buyers say"></div>');
  expect(element().hidden).toBe(false);
  expect(root().querySelector('h2')!.textContent).toBe('What buyers say');
  expect(root().querySelector('.empty')!.textContent).toBe('No reviews yet.');
  expect(root().querySelector('.summary, .list, select')).toBeNull();
});

test('without data-item the page’s own product is reviewed; with none at all, or an error answer, the element is hidden', async () => {
  const api = fakeReviewsApi({ reviews: tee, fail: [[/MUG/, 500]] });
  document.head.innerHTML = `<script type="application/ld+json">${JSON.stringify({ '@type': 'Product', sku: 'TEE-1', name: 'Tee' })}</script>`;
  await page('<div data-shoploop="reviews"></div>');
  expect(api.routes()).toEqual(['GET /v1/items/TEE-1/reviews?site=pk_ui&page=1&sort=newest']);
  expect(texts('.n')).toEqual(['1', '1', '0', '0', '0']);

  document.head.innerHTML = '';
  document.body.innerHTML = '<div data-shoploop="reviews"></div>';
  await act(() => showBlocks(config, fakeTracker()));
  await vi.waitFor(() => expect(element().hidden).toBe(true));

  await page('<div data-shoploop="reviews" data-item="MUG-2"></div>');
  expect(element().hidden).toBe(true);
  expect(root().querySelector('style')!.textContent).toContain(':host([hidden]) { display: none !important; }');
});

test('an ill-formed answer shows nothing it cannot read: bad reviews dropped, odd fields neutral', async () => {
  vi.stubGlobal('fetch', async () =>
    Response.json({
      rating: { average: 9, count: -1, distribution: { 5: 'x' } },
      reviews: [{ id: 'ok', rating: 3, body: 42, createdAt: 'not a date', reply: { body: '' } }, { id: 'bad', rating: 7 }, null],
    }),
  );
  await page('<div data-shoploop="reviews" data-item="TEE-1"></div>');
  expect(root().querySelector('.empty')!.textContent).toBe('No reviews yet.'); // no valid average
});

test('the block asks only once it comes near the viewport', async () => {
  const api = fakeReviewsApi({ reviews: tee });
  document.body.innerHTML = '<div data-shoploop="reviews" data-item="TEE-1"></div>';
  await act(() => showBlocks(config, fakeTracker()));
  await vi.waitFor(() => expect(viewport.watched()).toContain(element()), { timeout: 5000 });
  await settle();
  expect(api.calls).toEqual([]);
  expect(root().querySelectorAll('.bar')).toHaveLength(2); // a placeholder meanwhile
  act(() => viewport.show(element(), 0.01));
  await settle();
  expect(api.calls).toHaveLength(1);
  expect(root().querySelectorAll('.review')).toHaveLength(2);
});

test('a single-page app’s next product: data-item changes, the block starts again on page 1 of the new item', async () => {
  const api = fakeReviewsApi({ reviews: [...manyReviews('TEE-1', 12), ...tee.slice(3)] });
  await page('<div data-shoploop="reviews" data-item="TEE-1"></div>');
  await click(button('Next'));
  element().dataset.item = 'MUG-2';
  // the new item's block watches the viewport afresh (a browser reports an element in view at once)
  await vi.waitFor(() => expect(viewport.watched()).toHaveLength(1));
  act(() => viewport.show(element(), 1));
  await vi.waitFor(() => expect(texts('.body')).toEqual(['Another product']));
  expect(api.routes().at(-1)).toBe('GET /v1/items/MUG-2/reviews?site=pk_ui&page=1&sort=newest');
});
