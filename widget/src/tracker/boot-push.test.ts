import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { boot } from './boot.ts';
import { showPush } from './push.ts';
import { freshIndexedDb, settle, stubCollector, useFakeClock } from './testing.ts';

// What boot hands to the push UI (push.test.ts covers how it is loaded) and the push_click it reports itself.
vi.mock('./blocks.ts', () => ({ showBlocks: vi.fn() }));
vi.mock('./push.ts', () => ({ showPush: vi.fn() }));
// the product detector runs in-process (node cannot import() it from the tracker's folder; build.test.ts does)
vi.mock('./product.ts', async () => ({ withProduct: (await import('./testing.ts')).detectInProcess }));

// boot() changes the window for good (history wrappers): every test uses its own site key and reads only its own.
let n = 0;
let collector: ReturnType<typeof stubCollector>;
const start = () => {
  const site = `pk_boot_push_${++n}`;
  const script = document.createElement('script');
  script.src = 'https://c.example/shoploop.js';
  script.dataset.site = site;
  boot(script);
  return site;
};
/** the moments and commands handed to the push UI by this site's tracker */
const pushed = (site: string) => vi.mocked(showPush).mock.calls.filter(([config]) => config.site == site).map(([, , moment]) => moment);
const navigate = async (path: string) => {
  history.pushState(null, '', path);
  await vi.advanceTimersByTimeAsync(300);
};
/** a visitor this browser has seen on an earlier page */
const returning = () => localStorage.setItem('shoploop:id', `V-EARLIER S-EARLIER ${Date.now()}`);
const soldOut = `<script type="application/ld+json">{"@type":"Product","sku":"MUG","name":"Mug","offers":{"price":"12","availability":"https://schema.org/OutOfStock"}}</script>`;

beforeEach(() => {
  useFakeClock();
  freshIndexedDb();
  localStorage.clear();
  collector = stubCollector(200);
  delete window.shoploop;
  window.dataLayer = [];
  document.head.innerHTML = '<title>Home</title>';
  history.replaceState(null, '', '/');
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.mocked(showPush).mockClear();
});

test("the shop's push commands go to the push UI, also when queued before the script loaded", () => {
  window.shoploop = Object.assign(() => {}, { q: [['push', 'prompt']] as ArrayLike<unknown>[] });
  const site = start();
  window.shoploop!('push', 'unsubscribe');
  expect(pushed(site)).toEqual(['prompt', 'unsubscribe']);
});

test('an add to cart on a new visitor’s first page view is no moment; on the next page view (an SPA’s) it is', async () => {
  const site = start();
  window.shoploop!('track', 'add_to_cart', { items: [{ item_id: 'MUG' }] });
  window.dataLayer!.push({ event: 'add_to_cart', ecommerce: { items: [{ item_id: 'MUG' }] } });
  expect(pushed(site)).toEqual([]);
  await navigate('/cart');
  window.dataLayer!.push({ event: 'add_to_cart', ecommerce: { items: [{ item_id: 'MUG' }] } });
  window.shoploop!('track', 'view_cart', {});
  expect(pushed(site)).toEqual(['add_to_cart']);
});

test('a returning visitor’s add to cart is a moment at once, from the dataLayer or from shoploop("track")', () => {
  returning();
  const site = start();
  window.dataLayer!.push({ event: 'add_to_cart', ecommerce: { items: [{ item_id: 'MUG' }] } });
  window.shoploop!('track', 'add_to_cart', { items: [{ item_id: 'MUG' }] });
  expect(pushed(site)).toEqual(['add_to_cart', 'add_to_cart']);
});

test('a sold-out product’s page is a moment, not on a first page view, not for a product in stock', async () => {
  document.head.innerHTML += soldOut;
  const first = start();
  await settle(); // the product detector has answered
  expect(pushed(first)).toEqual([]);

  delete window.shoploop; // the next page
  returning();
  const site = start();
  await settle();
  expect(pushed(site)).toEqual(['sold_out']);
  document.head.innerHTML = `<title>Vase</title><script type="application/ld+json">{"@type":"Product","sku":"VASE","offers":{"availability":"InStock"}}</script>`;
  await navigate('/products/vase');
  document.head.innerHTML = '<title>Socks</title><meta property="og:type" content="product"><meta property="og:title" content="Socks"><meta property="product:retailer_item_id" content="SOCKS"><meta property="product:availability" content="out of stock">';
  await navigate('/products/socks');
  await settle();
  expect(pushed(site)).toEqual(['sold_out', 'sold_out']);
});

test('while collection is denied there are no moments, but the shop can still unsubscribe', () => {
  returning();
  document.head.innerHTML += soldOut;
  window.shoploop = Object.assign(() => {}, { q: [['consent', 'denied']] as ArrayLike<unknown>[] });
  const site = start();
  window.shoploop!('track', 'add_to_cart', { items: [{ item_id: 'MUG' }] });
  window.shoploop!('push', 'unsubscribe');
  expect(pushed(site)).toEqual(['unsubscribe']);
});

test('a page reached from a push message’s link reports push_click with the message id, before the page view', async () => {
  history.replaceState(null, '', '/cart?utm_source=push&sl_push=msg_01JX%2B7&x=1');
  const site = start();
  dispatchEvent(new Event('pagehide'));
  await settle();
  const events = collector.batches.filter((batch) => batch.site == site).flatMap((batch) => batch.events);
  expect(events.map((event) => [event.name, event.params])).toEqual([
    ['push_click', { message_id: 'msg_01JX+7' }],
    ['page_view', { page_title: 'Home' }],
  ]);
  expect(events[0]!.url).toBe('http://localhost:3000/cart?utm_source=push&sl_push=msg_01JX%2B7&x=1');
});

test('no push_click without the parameter, or with an empty one', async () => {
  history.replaceState(null, '', '/cart?sl_push=');
  const site = start();
  dispatchEvent(new Event('pagehide'));
  await settle();
  const events = collector.batches.filter((batch) => batch.site == site).flatMap((batch) => batch.events);
  expect(events.map((event) => event.name)).toEqual(['page_view']);
});
