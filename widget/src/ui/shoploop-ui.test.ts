import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { showBlocks } from './shoploop-ui.ts';
import { answer, config, fakeTracker, settle, shadowOf, stubApi, stubIntersectionObserver } from './testing.ts';

// The module keeps its blocks and its MutationObserver for the page's life, as in a browser: every test starts
// from an empty body (what was there is unmounted) and calls showBlocks as the tracker would on a page view.

/** a page with `html` in its body, after the tracker's call */
const page = async (html: string, tracker = fakeTracker()) => {
  document.body.innerHTML = html;
  await act(() => showBlocks(config, tracker));
  return tracker;
};
const block = () => document.querySelector<HTMLElement>('[data-shoploop]')!;
const cards = (index = 0) => [...shadowOf(index).querySelectorAll('.card')];
const names = (index = 0) => cards(index).map((card) => card.querySelector('.name')!.textContent);

beforeEach(() => {
  document.head.innerHTML = '';
  history.replaceState(null, '', '/');
  stubIntersectionObserver();
});
afterEach(async () => {
  document.body.innerHTML = '';
  await settle(); // unmounts this test's blocks
  vi.unstubAllGlobals();
});

test('a block asks for its placement and renders one card per item, with image, name, price and link', async () => {
  const api = stubApi(answer(3));
  await page('<div data-shoploop="also-bought" data-item="SKU-0" data-limit="4" data-min="2"></div>');
  await settle();
  expect(api.urls).toHaveLength(1);
  const [url] = api.urls;
  expect(url!.origin + url!.pathname).toBe('https://api.example/v1/recommendations');
  expect(Object.fromEntries(url!.searchParams)).toEqual({
    site: 'pk_ui',
    visitor: 'V1',
    scenario: 'also-bought',
    item: 'SKU-0',
    limit: '4',
    min: '2',
  });
  expect(block().hidden).toBe(false);
  expect(shadowOf().querySelector('h2')!.textContent).toBe('Frequently bought together');
  expect(names()).toEqual(['Product 1', 'Product 2', 'Product 3']);
  const [first] = cards();
  expect(first!.querySelector('a')!.getAttribute('href')).toBe('https://shop.example/p/1');
  expect(first!.querySelector('img')!.getAttribute('src')).toBe('https://img.example/1.jpg');
  expect(first!.querySelector('.price')!.textContent).toBe('10.00');
});

test('until the answer comes, skeleton cards of the same shape hold the place; the answer fills the same row', async () => {
  let answerNow!: (response: Response) => void;
  vi.stubGlobal('fetch', () => new Promise<Response>((resolve) => (answerNow = resolve)));
  await page('<div data-shoploop="popular" data-limit="3"></div>');
  await settle();
  const row = shadowOf().querySelector('.row');
  expect(cards()).toHaveLength(3);
  for (const card of cards()) {
    expect(card.getAttribute('aria-hidden')).toBe('true');
    expect([...card.querySelectorAll('.image, .name, .price')].map((part) => part.className)).toEqual(['image', 'name', 'price']);
  }
  expect(shadowOf().querySelector('h2')!.textContent).toBe('Popular right now');
  expect(shadowOf().querySelector('style')!.textContent).toContain('aspect-ratio: var(--shoploop-image-ratio, 1)');

  answerNow(new Response(JSON.stringify(answer(2, 'popular'))));
  await settle();
  expect(shadowOf().querySelector('.row')).toBe(row);
  expect(names()).toEqual(['Product 1', 'Product 2']);
  expect(cards()[0]!.getAttribute('aria-hidden')).toBeNull();
});

test('fewer items than data-min, or none: the block shows nothing at all', async () => {
  stubApi(answer(2));
  await page('<div data-shoploop="for-you" data-min="3"></div><div data-shoploop="for-you"></div>');
  await settle();
  expect(block().hidden).toBe(true);
  // only the stylesheet, whose :host([hidden]) rule collapses the element whatever the shop's CSS says
  expect([...shadowOf(0).children].map((child) => child.localName)).toEqual(['style']);
  expect(shadowOf(0).querySelector('style')!.textContent).toMatch(/:host\(\[hidden\]\) \{ display: none !important; \}/);
  expect(names(1)).toEqual(['Product 1', 'Product 2']);

  stubApi({ rec_id: 'r_2', scenario: 'for-you', items: [] });
  await page('<div data-shoploop="for-you"></div>');
  await settle();
  expect(block().hidden).toBe(true);
});

test.each([
  ['an error status', () => stubApi({ error: { code: 'bad_request', message: 'invalid query' } }, 400)],
  ['a server error', () => stubApi('oops', 503)],
  ['a network error', () => stubApi(new TypeError('Failed to fetch'))],
  ['a body that is not JSON', () => stubApi('<html>proxy error</html>')],
  ['JSON of another shape', () => stubApi({ rec_id: 'r_1', items: 'none' })],
])('%s: the block shows nothing, and nothing is thrown', async (_, stub) => {
  stub();
  await page('<div data-shoploop="popular"></div>');
  await settle();
  expect(block().hidden).toBe(true);
  expect(cards()).toEqual([]);
});

test('without data-item, the product of the page (its JSON-LD) is the item; its currency prices the cards', async () => {
  document.head.innerHTML = `<script type="application/ld+json">
    {"@type":"Product","sku":4711,"name":"Mug","offers":{"price":"12","priceCurrency":"EUR"}}</script>`;
  document.documentElement.lang = 'en-GB';
  const api = stubApi(answer(1, 'similar'));
  await page('<div data-shoploop="similar"></div><div data-shoploop="similar" data-item="OTHER" data-currency="GBP"></div>');
  await settle();
  expect(api.urls.map((url) => url.searchParams.get('item'))).toEqual(['4711', 'OTHER']);
  expect(shadowOf(0).querySelector('.price')!.textContent).toBe('€10.00');
  expect(shadowOf(1).querySelector('.price')!.textContent).toBe('£10.00');
  document.documentElement.lang = '';
});

test('similar with no item to be similar to asks nothing and shows nothing', async () => {
  const api = stubApi(answer(2));
  await page('<div data-shoploop="similar"></div>');
  await settle();
  expect(api.fetch).not.toHaveBeenCalled();
  expect(block().hidden).toBe(true);
});

test('rec_impression once per answer, when at least half of the block is in view', async () => {
  const view = stubIntersectionObserver();
  stubApi(answer(3));
  const tracker = await page('<div data-shoploop="also-bought" data-limit="2"></div>');
  await settle();
  view.show(block(), 0.3);
  expect(tracker.track).not.toHaveBeenCalled();
  view.show(block(), 0.5);
  view.show(block(), 1);
  expect(tracker.track.mock.calls).toEqual([
    ['rec_impression', { rec_id: 'r_test', scenario: 'also-bought', items: [{ item_id: 'SKU-1' }, { item_id: 'SKU-2' }] }],
  ]);

  // a single-page app's next page asks again: its answer is a new impression
  history.pushState(null, '', '/next');
  await act(() => showBlocks(config, tracker));
  await settle();
  view.show(block(), 0.8);
  expect(tracker.track).toHaveBeenCalledTimes(2);
});

test('without IntersectionObserver the block still renders, and reports no impression', async () => {
  vi.stubGlobal('IntersectionObserver', undefined);
  stubApi(answer(2));
  const tracker = await page('<div data-shoploop="popular"></div>');
  await settle();
  expect(names()).toHaveLength(2);
  expect(tracker.track).not.toHaveBeenCalled();
});

test('a click on a card reports rec_click for its item before the browser follows the link', async () => {
  stubApi(answer(3));
  const tracker = await page('<div data-shoploop="also-bought"></div>');
  await settle();
  const link = cards()[1]!.querySelector('a')!;
  let reportedFirst = false;
  link.addEventListener('click', (event) => {
    reportedFirst = tracker.track.mock.calls.length == 1; // listeners run in order: ours was added first
    event.preventDefault(); // the test page stays where it is
  });
  link.click();
  expect(reportedFirst).toBe(true);
  expect(tracker.track.mock.calls).toEqual([['rec_click', { rec_id: 'r_test', scenario: 'also-bought', items: [{ item_id: 'SKU-2' }] }]]);

  link.dispatchEvent(new MouseEvent('auxclick', { button: 1, bubbles: true })); // middle click: a new tab
  link.dispatchEvent(new MouseEvent('auxclick', { button: 2, bubbles: true })); // right click: a menu
  expect(tracker.track).toHaveBeenCalledTimes(2);
});

test('hostile strings stay text, and only http(s) URLs become links or images', async () => {
  stubApi({
    rec_id: 'r_x',
    scenario: 'popular',
    items: [
      { item_id: 'X1', name: '<img src=x onerror="alert(1)">', price: 1, image: 'javascript:alert(1)', url: 'javascript:alert(1)' },
      { item_id: 'X2', name: null, price: null, image: 'data:image/svg+xml,<svg onload="alert(1)">', url: 'data:text/html,hi' },
      { item_id: 'X3', name: 'Fine', price: 3, image: '/img/3.jpg', url: '//shop.example/p/3' },
    ],
  });
  const tracker = await page('<div data-shoploop="popular" data-title="<b>Deals</b>"></div>');
  await settle();
  const root = shadowOf();
  expect(root.querySelector('h2')!.textContent).toBe('<b>Deals</b>');
  expect(root.querySelector('h2 b')).toBeNull();
  expect(names()).toEqual(['<img src=x onerror="alert(1)">', '', 'Fine']);
  expect([...root.querySelectorAll('img')].map((img) => img.getAttribute('src'))).toEqual([`${location.origin}/img/3.jpg`]);
  expect([...root.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([`${location.protocol}//shop.example/p/3`]);
  (cards()[0]!.querySelector('.link') as HTMLElement).click();
  expect(tracker.track).not.toHaveBeenCalled();
});

test('blocks a single-page app adds or changes later render without waiting for the next page view', async () => {
  const api = stubApi((url: URL) => answer(3, url.searchParams.get('scenario')!));
  await page('<main></main>');
  const added = document.createElement('div');
  added.dataset.shoploop = 'recently-viewed';
  document.querySelector('main')!.append(added);
  await settle();
  expect(api.urls.map((url) => url.searchParams.get('scenario'))).toEqual(['recently-viewed']);
  expect(names()).toHaveLength(3);

  added.dataset.shoploop = 'popular';
  added.dataset.limit = '2';
  await settle();
  expect(api.urls.map((url) => url.searchParams.get('scenario'))).toEqual(['recently-viewed', 'popular']);
  expect(shadowOf().querySelector('h2')!.textContent).toBe('Popular right now');
  expect(names()).toHaveLength(2);
});

test('on a page view a block asks again only if the page changed', async () => {
  const api = stubApi(answer(2));
  const tracker = await page('<div data-shoploop="recently-viewed"></div>');
  await settle();
  await act(() => showBlocks(config, tracker)); // the same page again (consent granted, back/forward cache)
  await settle();
  expect(api.fetch).toHaveBeenCalledTimes(1);
  history.pushState(null, '', '/products/vase');
  await act(() => showBlocks(config, tracker));
  await settle();
  expect(api.fetch).toHaveBeenCalledTimes(2);
});

test('a block taken off the page stops watching for its impression', async () => {
  const view = stubIntersectionObserver();
  stubApi(answer(2));
  const tracker = await page('<div data-shoploop="popular"></div>');
  await settle();
  const gone = block();
  expect(view.watched()).toEqual([gone]);
  gone.remove();
  await settle();
  expect(view.watched()).toEqual([]);
  view.show(gone, 1);
  expect(tracker.track).not.toHaveBeenCalled();
});

test('with collection denied a block asks nothing and shows nothing', async () => {
  const api = stubApi(answer(2));
  await page('<div data-shoploop="popular"></div>', fakeTracker(false));
  await settle();
  expect(api.fetch).not.toHaveBeenCalled();
  expect(block().hidden).toBe(true);
});

test('an element that cannot hold a shadow root, or has one of its own, is skipped; the other blocks render', async () => {
  stubApi(answer(1, 'win-back'));
  document.body.innerHTML = '<ul data-shoploop="auto"></ul><div data-shoploop="auto"></div><div data-shoploop="auto"></div>';
  const [list, taken] = document.querySelectorAll<HTMLElement>('[data-shoploop]');
  list!.attachShadow = () => {
    throw new DOMException('not supported', 'NotSupportedError'); // as browsers answer for a <ul>
  };
  taken!.attachShadow({ mode: 'open' }).innerHTML = '<p>the shop’s own</p>';
  await act(() => showBlocks(config, fakeTracker()));
  await settle();
  expect(list!.shadowRoot).toBeNull();
  expect(taken!.shadowRoot!.innerHTML).toBe('<p>the shop’s own</p>');
  expect(shadowOf(2).querySelector('h2')!.textContent).toBe('We saved these for you');
});

test('auto shows a placeholder heading until the answer names the scenario served', async () => {
  vi.stubGlobal('fetch', () => new Promise(() => {}));
  await page('<div data-shoploop="auto"></div>');
  await settle();
  const heading = shadowOf().querySelector('h2')!;
  expect(heading.textContent).toBe('');
  expect(heading.querySelector('.bar')).not.toBeNull();
});

test('a failing tracker or a failing render never reaches the page', async () => {
  stubApi(answer(2));
  const tracker = await page('<div data-shoploop="popular"></div>');
  await settle();
  tracker.track.mockImplementation(() => {
    throw new Error('track failed');
  });
  const link = cards()[0]!.querySelector('a')!;
  link.addEventListener('click', (event) => event.preventDefault());
  const errors = vi.fn();
  addEventListener('error', errors);
  link.click();
  removeEventListener('error', errors);
  expect(tracker.track).toHaveBeenCalled();
  expect(errors).not.toHaveBeenCalled();

  // a render that throws (here: reading the page's language for prices) leaves the block empty, nothing thrown
  vi.spyOn(document.documentElement, 'lang', 'get').mockImplementation(() => {
    throw new Error('render failed');
  });
  await page('<div data-shoploop="popular"></div><div data-shoploop="popular"></div>');
  await settle();
  vi.restoreAllMocks();
  expect(cards(0)).toEqual([]);
  expect(cards(1)).toEqual([]);
});
