import { afterEach, beforeEach, expect, test, vi, type Mock } from 'vitest';
import { useFakeClock } from '../testing.ts';
import { watchPages } from './spa.ts';

let onPage: Mock<() => string>;
/** the page URL at each reported page view */
const reported = () => onPage.mock.results.map((result) => result.value);

beforeEach(() => {
  history.replaceState(null, '', '/');
  useFakeClock();
  onPage = vi.fn(() => location.pathname + location.search);
});
afterEach(() => vi.useRealTimers());

test('the current page is reported at once', () => {
  watchPages(onPage);
  expect(reported()).toEqual(['/']);
});

test('pushState and replaceState report the new page once it had time to render', async () => {
  watchPages(onPage);
  history.pushState(null, '', '/products/shirt');
  await vi.advanceTimersByTimeAsync(299);
  expect(reported()).toEqual(['/']);
  await vi.advanceTimersByTimeAsync(1);
  history.replaceState(null, '', '/products/shirt?color=blue');
  await vi.advanceTimersByTimeAsync(300);
  expect(reported()).toEqual(['/', '/products/shirt', '/products/shirt?color=blue']);
});

test('the same URL is not a new page view, nor is a #fragment change', async () => {
  watchPages(onPage);
  history.replaceState({ scroll: 1 }, '', '/');
  history.pushState(null, '', '/#reviews');
  await vi.advanceTimersByTimeAsync(300);
  expect(reported()).toEqual(['/']);
});

test('a quick redirect is one page view, of where it ends', async () => {
  watchPages(onPage);
  history.pushState(null, '', '/login');
  history.replaceState(null, '', '/account');
  await vi.advanceTimersByTimeAsync(300);
  expect(reported()).toEqual(['/', '/account']);
});

test('back and forward (popstate) are page views', async () => {
  watchPages(onPage);
  history.pushState(null, '', '/a');
  await vi.advanceTimersByTimeAsync(300);
  history.replaceState(null, '', '/b'); // what the browser's back button leaves behind
  dispatchEvent(new PopStateEvent('popstate'));
  await vi.advanceTimersByTimeAsync(300);
  expect(reported()).toEqual(['/', '/a', '/b']);
});

test('a page restored from the back/forward cache is reported again; a normal pageshow is not', () => {
  watchPages(onPage);
  // happy-dom has no PageTransitionEvent
  const pageshow = (persisted: boolean) => Object.assign(new Event('pageshow'), { persisted });
  dispatchEvent(pageshow(false));
  expect(reported()).toEqual(['/']);
  dispatchEvent(pageshow(true));
  expect(reported()).toEqual(['/', '/']);
});

test('the returned function reports the current page again on demand', () => {
  const retrack = watchPages(onPage);
  retrack(true);
  expect(reported()).toEqual(['/', '/']);
});

test('a hash-routed app: each #/route or #!/route is a page view; an in-page #anchor is not', async () => {
  onPage = vi.fn(() => location.pathname + location.hash);
  watchPages(onPage);
  /** a link click or the router: the browser fires hashchange (happy-dom on a real timer), then the page renders */
  const go = async (hash: string) => {
    const changed = new Promise((resolve) => addEventListener('hashchange', resolve, { once: true }));
    location.hash = hash;
    await changed;
    await vi.advanceTimersByTimeAsync(300);
  };
  await go('reviews'); // an in-page anchor
  await go('/products/tee');
  await go('!/cart');
  history.pushState(null, '', '#/checkout'); // a router that uses the History API with hash URLs
  await vi.advanceTimersByTimeAsync(300);
  expect(reported()).toEqual(['/', '/#/products/tee', '/#!/cart', '/#/checkout']);
});
