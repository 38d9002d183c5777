import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { batchSchema } from '../../../server/src/collect/schema.ts';
import { freshIndexedDb, settle, stubCollector } from './testing.ts';
import { createTracker } from './tracker.ts';

const config = { site: 'pk_test', api: 'https://c.example', gpc: false, dir: 'https://c.example/' };

/** a tracker on a fresh page load; `send` flushes what it waits to send */
const load = async (options = config) => {
  const tracker = createTracker(options);
  await settle();
  return { ...tracker, send: async () => (tracker.flush(), settle()) };
};

beforeEach(() => {
  localStorage.clear();
  freshIndexedDb();
  history.replaceState(null, '', '/');
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

test('sends batches the collector schema accepts', async () => {
  const collector = stubCollector(200);
  const tracker = await load();
  tracker.track('page_view', { page_title: 'Home' });
  tracker.track('view_item', { items: [{ item_id: 'SKU-1', item_name: 'Shirt', price: '19.90', currency: 'eur' }] });
  tracker.track('add_to_cart', { value: 19.9, currency: 'EUR', items: [{ item_id: 'SKU-1', quantity: 1 }] });
  tracker.track('purchase', { transaction_id: 'T-1', value: 19.9, currency: 'EUR', items: [{ item_id: 'SKU-1' }] });
  tracker.track('identify', { customer_id: 'C-42' });
  await tracker.send();

  const [batch] = collector.batches;
  const parsed = batchSchema.safeParse(batch);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  expect(collector.requests[0]!.url).toBe('https://c.example/v1/collect');
  expect(batch).toMatchObject({ site: 'pk_test', v: '0.1.0', tz: Intl.DateTimeFormat().resolvedOptions().timeZone });
  expect(batch!.events.map((e) => e.name)).toEqual(['page_view', 'view_item', 'add_to_cart', 'purchase', 'identify']);
  expect(new Set(batch!.events.map((e) => e.sid)).size).toBe(1);
  expect(batch!.events[0]).toMatchObject({ url: location.href, params: { page_title: 'Home' } });
});

test('the visitor id stays the same across page loads', async () => {
  const collector = stubCollector(200);
  const first = await load();
  first.track('page_view');
  await first.send();
  const second = await load();
  second.track('page_view');
  await second.send();
  expect(collector.batches).toHaveLength(2);
  expect(collector.batches[1]!.vid).toBe(collector.batches[0]!.vid);
});

test('events the collector would reject are not sent', async () => {
  const collector = stubCollector(200);
  const tracker = await load();
  tracker.track('checkout_progress', {});
  tracker.track('purchase', { value: 10 }); // no transaction_id
  tracker.track('identify', {}); // no customer_id
  tracker.track('search', { search_term: 'socks' });
  await tracker.send();
  expect(collector.events().map((e) => e.name)).toEqual(['search']);
});

test('recommendation events go only when complete: rec_id, scenario and at least one item', async () => {
  const collector = stubCollector(200);
  const tracker = await load();
  tracker.track('rec_click', { rec_id: 'r_1', scenario: 'similar' });
  tracker.track('rec_click', { rec_id: 'r_1', items: [{ item_id: 'A' }] });
  tracker.track('rec_impression', { scenario: 'similar', items: [{ item_id: 'A' }] });
  tracker.track('rec_impression', { rec_id: 'r_1', scenario: 'similar', items: [{ item_name: 'no id' }] });
  tracker.track('rec_impression', { rec_id: 'r_1', scenario: 'similar', items: [{ item_id: 'A' }, { item_id: 'B' }] });
  tracker.track('search', { search_term: 'mugs' }); // the batch they would have broken
  await tracker.send();
  expect(batchSchema.safeParse(collector.batches[0]).success).toBe(true);
  expect(collector.events().map((e) => [e.name, e.params])).toEqual([
    ['rec_impression', { rec_id: 'r_1', scenario: 'similar', items: [{ item_id: 'A' }, { item_id: 'B' }] }],
    ['search', { search_term: 'mugs' }],
  ]);
});

test('the blocks get the visitor id, and false while collection is denied', async () => {
  stubCollector(200);
  const tracker = await load();
  tracker.track('page_view');
  expect(tracker.visitor()).toBe(localStorage.getItem('shoploop:id')!.split(' ')[0]);
  tracker.consent(false);
  expect(tracker.visitor()).toBe(false);
});

test('a product reported twice on one page (structured data and dataLayer) is one view_item', async () => {
  const collector = stubCollector(200);
  const tracker = await load();
  tracker.track('page_view');
  tracker.track('view_item', { items: [{ item_id: 'SKU-1', item_name: 'Shirt' }] });
  tracker.track('view_item', { items: [{ item_id: 'SKU-1' }] }); // same id
  tracker.track('view_item', { items: [{ item_id: '8812', item_name: 'Shirt' }] }); // same name
  tracker.track('view_item', { items: [{ item_id: 'SKU-2' }] }); // another product
  await tracker.send();
  expect(collector.events().filter((e) => e.name == 'view_item').map((e) => e.params.items?.[0]?.item_id)).toEqual([
    'SKU-1',
    'SKU-2',
  ]);
});

test('after an SPA navigation the product counts again, and the referrer is the previous page', async () => {
  const collector = stubCollector(200);
  const tracker = await load();
  history.replaceState(null, '', '/products/shirt');
  tracker.track('view_item', { items: [{ item_id: 'SKU-1' }] });
  history.pushState(null, '', '/cart');
  tracker.track('page_view');
  history.pushState(null, '', '/products/shirt#reviews');
  tracker.track('view_item', { items: [{ item_id: 'SKU-1' }] }); // the app's own event, before our page_view
  tracker.track('page_view');
  tracker.track('view_item', { items: [{ item_id: 'SKU-1' }] }); // structured data, same page
  await tracker.send();
  const events = collector.events();
  expect(events.map((e) => e.name)).toEqual(['view_item', 'page_view', 'view_item', 'page_view']);
  expect(events[1]!.ref).toBe(location.origin + '/products/shirt');
  expect(events[2]!.ref).toBe(location.origin + '/cart');
});

test('consent denied: ids and outbox are cleared, nothing is sent, and it is remembered', async () => {
  const offline = stubCollector(0);
  const tracker = await load();
  tracker.track('page_view');
  await tracker.send(); // fails: the event waits in the outbox
  expect(localStorage.getItem('shoploop:id')).not.toBeNull();
  expect(offline.fetch).toHaveBeenCalledTimes(1);

  const collector = stubCollector(200);
  tracker.consent(false);
  await settle();
  expect(localStorage.getItem('shoploop:id')).toBeFalsy();
  expect(localStorage.getItem('shoploop:denied')).toBe('1');
  tracker.track('page_view');
  await tracker.send();
  await tracker.drain();

  const nextPage = await load();
  nextPage.track('page_view');
  await nextPage.send();
  expect(collector.fetch).not.toHaveBeenCalled();
  expect(localStorage.getItem('shoploop:id')).toBeFalsy();
});

test('consent granted resumes collection; the old outbox stays empty', async () => {
  stubCollector(0);
  const tracker = await load();
  tracker.track('page_view');
  await tracker.send();
  tracker.consent(false);
  expect(tracker.consent(true)).toBe(true); // resumed
  expect(tracker.consent(true)).toBe(false); // was not denied
  const collector = stubCollector(200);
  tracker.track('add_to_cart', { items: [{ item_id: 'A' }] });
  await tracker.send();
  await tracker.drain();
  await settle();
  expect(collector.events().map((e) => e.name)).toEqual(['add_to_cart']);
});

test('with data-gpc="respect", Global Privacy Control means denied and forgets the visitor', async () => {
  const collector = stubCollector(200);
  localStorage.setItem('shoploop:id', 'old-visitor old-session 1');
  vi.stubGlobal('navigator', { ...navigator, globalPrivacyControl: true });
  const tracker = await load({ ...config, gpc: true });
  tracker.track('page_view');
  await tracker.send();
  expect(collector.fetch).not.toHaveBeenCalled();
  expect(localStorage.getItem('shoploop:id')).toBeFalsy();
  expect(localStorage.getItem('shoploop:denied')).toBeFalsy(); // a signal, not a stored choice
  expect(tracker.consent(true)).toBe(false); // GPC still says no
});

test('without data-gpc="respect", Global Privacy Control does not stop collection', async () => {
  const collector = stubCollector(200);
  vi.stubGlobal('navigator', { ...navigator, globalPrivacyControl: true });
  const tracker = await load();
  tracker.track('page_view');
  await tracker.send();
  expect(collector.fetch).toHaveBeenCalledTimes(1);
});
