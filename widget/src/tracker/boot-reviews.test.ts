import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { boot } from './boot.ts';
import { freshIndexedDb, stubCollector, useFakeClock } from './testing.ts';

// The tracker's part of the review card: a purchase leaves `shoploop:reviews` = −(its time), which makes the next
// page views load the UI to ask for review requests (blocks.test.ts; the UI's side: ui/reviews/ask.test.ts).

vi.mock('./blocks.ts', () => ({ showBlocks: vi.fn() }));
vi.mock('./product.ts', () => ({ withProduct: () => {} }));

let n = 0;
const start = () => {
  const script = document.createElement('script');
  script.src = 'https://c.example/shoploop.js';
  script.dataset.site = `pk_reviews_${++n}`;
  boot(script);
};

beforeEach(() => {
  useFakeClock();
  freshIndexedDb();
  localStorage.clear();
  stubCollector(200);
  delete window.shoploop;
  window.dataLayer = [];
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

test('a purchase, tracked or from the dataLayer, marks this browser as a buyer’s with the time of the purchase', () => {
  start();
  expect(localStorage.getItem('shoploop:reviews')).toBeNull();
  window.shoploop!('track', 'add_to_cart', { items: [{ item_id: 'A' }] });
  expect(localStorage.getItem('shoploop:reviews')).toBeNull();
  window.shoploop!('track', 'purchase', { transaction_id: 'T1', items: [{ item_id: 'A' }] });
  expect(localStorage.getItem('shoploop:reviews')).toBe(String(-Date.now()));

  vi.advanceTimersByTime(60_000);
  window.dataLayer!.push({ event: 'purchase', ecommerce: { transaction_id: 'T2', items: [{ item_id: 'B' }] } });
  expect(localStorage.getItem('shoploop:reviews')).toBe(String(-Date.now()));
});

test('nothing is kept while collection is denied', () => {
  start();
  window.shoploop!('consent', 'denied');
  window.shoploop!('track', 'purchase', { transaction_id: 'T1' });
  expect(localStorage.getItem('shoploop:reviews')).toBeNull();
});
