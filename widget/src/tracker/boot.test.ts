import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { showBlocks } from './blocks.ts';
import { boot } from './boot.ts';
import { freshIndexedDb, settle, stubCollector, useFakeClock } from './testing.ts';

// blocks.test.ts covers what showBlocks does; here it only records when boot calls it
vi.mock('./blocks.ts', () => ({ showBlocks: vi.fn() }));
// the product detector runs in-process (node cannot import() it from the tracker's folder; build.test.ts does)
vi.mock('./product.ts', async () => ({ withProduct: (await import('./testing.ts')).detectInProcess }));

// boot() changes the window for good (listeners, history and dataLayer wrappers): every test uses its own site
// key and reads only what its own tracker sent.
let n = 0;
let collector: ReturnType<typeof stubCollector>;

const start = (attributes: Record<string, string> = {}) => {
  const site = `pk_boot_${++n}`;
  const script = document.createElement('script');
  script.src = 'https://c.example/shoploop.js';
  script.dataset.site = site;
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  boot(script);
  return site;
};
/** what the collector received for `site`, once what waits is sent */
const received = async (site: string) => {
  await vi.advanceTimersByTimeAsync(1000);
  await settle();
  return collector.batches.filter((batch) => batch.site == site).flatMap((batch) => batch.events);
};
const names = async (site: string) => (await received(site)).map((event) => event.name);
/** the queue stub a shop pastes above the tag */
const stub = () => {
  const shoploop = ((...args: unknown[]) => void (shoploop.q ??= []).push(args)) as NonNullable<Window['shoploop']>;
  return shoploop;
};

beforeEach(() => {
  useFakeClock();
  freshIndexedDb();
  localStorage.clear();
  collector = stubCollector(200);
  delete window.shoploop;
  window.dataLayer = [];
  document.head.innerHTML = '<title>Home</title>';
  document.body.innerHTML = '';
  history.replaceState(null, '', '/');
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.mocked(showBlocks).mockClear();
});

test('a page_view on load, sent to the folder the script came from', async () => {
  const site = start();
  const [event] = await received(site);
  expect(event).toMatchObject({ name: 'page_view', url: location.href, params: { page_title: 'Home' } });
  expect(collector.requests[0]!.url).toBe('https://c.example/v1/collect');
});

test('calls queued by the stub before load are replayed, then window.shoploop is the real function', async () => {
  // the snippet a shop pastes, word for word
  window.shoploop = window.shoploop || (function () { (window.shoploop!.q = window.shoploop!.q || []).push(arguments) } as never);
  window.shoploop!('track', 'add_to_cart', { items: [{ item_id: 'SKU-1', quantity: 1 }] });
  window.shoploop!('identify', 'C-42');
  const site = start();
  expect(window.shoploop!.v).toBe('0.1.0');
  window.shoploop!('track', 'search', { search_term: 'socks' });
  const events = await received(site);
  expect(events.map((e) => e.name)).toEqual(['add_to_cart', 'identify', 'page_view', 'search']);
  expect(events[1]!.params).toEqual({ customer_id: 'C-42' });
});

test('a queued consent("denied") holds before anything is sent', async () => {
  window.shoploop = stub();
  window.shoploop('consent', 'denied');
  const site = start();
  window.shoploop!('track', 'add_to_cart', { items: [{ item_id: 'A' }] });
  expect(await received(site)).toEqual([]);
});

test('granting consent on the page reports the page view it missed', async () => {
  window.shoploop = stub();
  window.shoploop('consent', 'denied');
  const site = start();
  window.shoploop!('consent', 'granted');
  window.shoploop!('consent', 'granted'); // a second grant is not a second page view
  expect(await names(site)).toEqual(['page_view']);
});

test('a product page: page_view, then view_item from structured data; again after an SPA navigation', async () => {
  document.head.innerHTML += `<script type="application/ld+json">{"@type":"Product","sku":"MUG","name":"Mug","offers":{"price":"12","priceCurrency":"EUR"}}</script>`;
  const site = start();
  await settle(); // the detector has answered for the first page
  history.pushState(null, '', '/products/vase');
  document.head.innerHTML = `<title>Vase</title><script type="application/ld+json">{"@type":"Product","sku":"VASE","name":"Vase"}</script>`;
  await vi.advanceTimersByTimeAsync(300);
  const events = await received(site);
  expect(events.map((e) => [e.name, e.params.items?.[0]?.item_id ?? e.params.page_title])).toEqual([
    ['page_view', 'Home'],
    ['view_item', 'MUG'],
    ['page_view', 'Vase'],
    ['view_item', 'VASE'],
  ]);
  expect(events[1]!.params.items![0]).toMatchObject({ price: 12, currency: 'EUR' });
});

test('the recommendation blocks are shown on every page view, after the page view is tracked', async () => {
  const site = start({ 'data-api': 'https://api.example/sl/' });
  // earlier tests' trackers still watch history: only this one's calls count
  const calls = () => vi.mocked(showBlocks).mock.calls.filter(([config]) => config.site == site);
  const [[config, tracker]] = calls() as [Parameters<typeof showBlocks>];
  expect(config).toMatchObject({ site, api: 'https://api.example/sl', dir: 'https://c.example/' });
  expect(tracker.visitor()).toBe(localStorage.getItem('shoploop:id')!.split(' ')[0]); // saved by the page view
  history.pushState(null, '', '/products/vase');
  await vi.advanceTimersByTimeAsync(300);
  expect(calls()).toHaveLength(2);
  history.replaceState(null, '', '/products/vase#reviews'); // not a page view
  await vi.advanceTimersByTimeAsync(300);
  expect(calls()).toHaveLength(2);
  window.shoploop!('consent', 'denied');
  expect(tracker.visitor()).toBe(false);
});

test('the dataLayer is mirrored, and its view_item of the same product is not counted twice', async () => {
  document.head.innerHTML += `<script type="application/ld+json">{"@type":"Product","sku":"MUG","name":"Mug"}</script>`;
  window.dataLayer!.push({ event: 'view_item', ecommerce: { items: [{ item_id: 'MUG', item_name: 'Mug' }] } });
  const site = start();
  window.dataLayer!.push({ event: 'add_to_cart', ecommerce: { currency: 'EUR', value: 12, items: [{ item_id: 'MUG' }] } });
  expect(await names(site)).toEqual(['page_view', 'view_item', 'add_to_cart']);
});

test('pagehide and a hidden tab send at once', async () => {
  const site = start();
  dispatchEvent(new Event('pagehide'));
  expect(collector.batches.filter((batch) => batch.site == site)).toHaveLength(1);
  window.shoploop!('track', 'view_cart', {});
  vi.spyOn(document, 'hidden', 'get').mockReturnValue(true);
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true })); // bubbles to window, as in browsers
  expect(collector.batches.filter((batch) => batch.site == site)).toHaveLength(2);
});

test('events kept while offline go when the browser is back online', async () => {
  collector = stubCollector(0);
  const site = start();
  dispatchEvent(new Event('pagehide')); // fails: the page view waits in the outbox (the retry is 1 s away)
  await settle();
  collector = stubCollector(200);
  dispatchEvent(new Event('online'));
  await settle();
  const sent = collector.batches.filter((batch) => batch.site == site).flatMap((batch) => batch.events);
  expect(sent.map((event) => event.name)).toEqual(['page_view']);
});

test('a second copy of the tag does nothing', async () => {
  const first = start();
  const second = start();
  expect(await names(first)).toEqual(['page_view']);
  expect(await names(second)).toEqual([]);
});

test('a tag without data-site does nothing and throws nothing', () => {
  const script = document.createElement('script');
  script.src = 'https://c.example/shoploop.js';
  expect(() => boot(script)).not.toThrow();
  expect(window.shoploop).toBeUndefined();
});

test('bad calls never throw into the page', () => {
  start();
  expect(() => window.shoploop!('track', 'purchase', { items: 'nonsense' } as never)).not.toThrow();
  expect(() => (window.shoploop as (...args: unknown[]) => void)('nonsense', null)).not.toThrow();
  expect(() => (window.shoploop as (...args: unknown[]) => void)()).not.toThrow();
});
