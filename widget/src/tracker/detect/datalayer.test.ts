import { beforeEach, expect, test, vi, type Mock } from 'vitest';
import { bridgeDataLayer } from './datalayer.ts';

const items = [{ item_id: 'SKU-1', item_name: 'Shirt', price: 20, quantity: 1 }];
let track: Mock<(name: string, params: unknown) => void>;

beforeEach(() => {
  window.dataLayer = [];
  track = vi.fn();
});

/** what gtag.js pushes: its `arguments` object */
function gtag(..._args: unknown[]) {
  window.dataLayer!.push(arguments);
}

test('GTM style pushes are mirrored, search_term included', () => {
  bridgeDataLayer(track);
  window.dataLayer!.push({ ecommerce: null });
  window.dataLayer!.push({ event: 'add_to_cart', ecommerce: { currency: 'EUR', value: 20, items } });
  window.dataLayer!.push({ event: 'search', search_term: 'socks' });
  expect(track.mock.calls).toEqual([
    [undefined, { ecommerce: null }],
    ['add_to_cart', expect.objectContaining({ currency: 'EUR', value: 20, items })],
    ['search', expect.objectContaining({ search_term: 'socks' })],
  ]);
});

test('gtag style pushes (an arguments object) are mirrored', () => {
  bridgeDataLayer(track);
  gtag('js', new Date());
  gtag('config', 'G-XXXX');
  gtag('event', 'purchase', { transaction_id: 'T-1', value: 20, currency: 'EUR', items });
  expect(track).toHaveBeenCalledWith('purchase', { transaction_id: 'T-1', value: 20, currency: 'EUR', items });
  expect(track.mock.calls.filter(([name]) => name == 'purchase')).toHaveLength(1);
});

test('entries pushed before the script loaded are mirrored too, once', () => {
  window.dataLayer!.push({ event: 'view_item', ecommerce: { items } });
  gtag('event', 'view_item_list', { item_list_id: 'home', items });
  bridgeDataLayer(track);
  expect(track.mock.calls.map(([name]) => name)).toEqual(['view_item', 'view_item_list']);
});

test('a missing dataLayer is created; push still works for others', () => {
  delete window.dataLayer;
  bridgeDataLayer(track);
  expect(window.dataLayer).toHaveLength(0);
  expect(Array.isArray(window.dataLayer)).toBe(true);
  expect(window.dataLayer!.push({ event: 'begin_checkout', ecommerce: { items } })).toBe(1);
  expect(window.dataLayer).toHaveLength(1);
  expect(track).toHaveBeenCalledWith('begin_checkout', expect.objectContaining({ items }));
});

test('page_view from the dataLayer is left to our own page tracking', () => {
  bridgeDataLayer(track);
  gtag('event', 'page_view', { page_title: 'x' });
  window.dataLayer!.push({ event: 'page_view' });
  expect(track).not.toHaveBeenCalled();
});

test('a failing handler never breaks the page push', () => {
  bridgeDataLayer(() => {
    throw new Error('boom');
  });
  expect(() => window.dataLayer!.push({ event: 'add_to_cart' })).not.toThrow();
  expect(window.dataLayer).toHaveLength(1);
});
