import { describe, expect, test } from 'vitest';
import { availabilities } from '../db/schema/catalog.ts';
import { checkBatch, parseBatch, uncheckedKeys } from './parse-batch.ts';
import { batchSchema } from './schema.ts';
import { eventNames, limits } from './vocabulary.ts';

/**
 * The hand check must agree with the schema: whatever it accepts, the schema accepts with the very same output
 * (compared as JSON text, so key order counts: it is what the events table stores); whatever the schema
 * refuses, it refuses. It may refuse more (the schema then decides), but never for the ordinary batches below.
 */
function agree(json: unknown): 'checked' | 'deferred' {
  const schema = batchSchema.safeParse(json);
  const checked = checkBatch(json);
  if (!schema.success) {
    expect(checked, JSON.stringify(json)).toBeUndefined();
    return 'deferred';
  }
  if (checked === undefined) return 'deferred';
  expect(JSON.stringify(checked)).toBe(JSON.stringify(schema.data));
  return 'checked';
}

const full = () => ({
  site: 'pk_test',
  vid: 'v-1:a.b_c',
  tz: 'Europe/London',
  v: '1.2.3',
  extra: { ignored: true },
  events: [
    { id: 'e1', name: 'page_view', ts: 1_763_900_000_000, sid: 's1', url: 'https://shop.example/', ref: 'https://www.google.com/', junk: 1 },
    {
      id: 'e2',
      name: 'view_item',
      ts: 1_763_900_000_001,
      sid: 's1',
      params: {
        currency: 'gbp',
        value: 4.5,
        unknown_param: 'dropped',
        items: [
          { item_id: 'SKU-1', item_name: 'Mug', price: 4.5, currency: 'eur', quantity: 2, item_category: 'Kitchen', item_brand: 'Loop', image: 'https://i/1.jpg', url: 'https://shop.example/p/1', availability: 'in_stock', colour: 'red' },
        ],
      },
    },
    { id: 'e3', name: 'purchase', ts: 1, sid: 's1', params: { transaction_id: 'T-1', value: 0, currency: 'USD' } },
    { id: 'e4', name: 'identify', ts: 2, sid: 's1', params: { customer_id: 'c-9' } },
    { id: 'e5', name: 'rec_impression', ts: 3, sid: 's1', params: { rec_id: 'r1', scenario: 'similar', items: [{ item_id: 'SKU-2' }] } },
    { id: 'e6', name: 'search', ts: 4, sid: 's1', params: { search_term: 'mug', page_title: 'Search', item_list_id: 'l', item_list_name: 'L' } },
  ],
});

describe('checkBatch, the hand check of the common case', () => {
  test('has a check for every key the schema knows', () => {
    expect(uncheckedKeys).toEqual([]);
  });

  test('accepts ordinary batches with exactly the schema output', () => {
    expect(agree(full())).toBe('checked');
    for (const name of eventNames) {
      const params = { rec_id: 'r', scenario: 's', transaction_id: 't', message_id: 'm', customer_id: 'c', items: [{ item_id: 'i' }] };
      expect(agree({ site: 'k', vid: 'v', events: [{ id: 'x', name, ts: 0, sid: 's', params }] })).toBe('checked');
    }
    for (const availability of availabilities) {
      expect(agree({ site: 'k', vid: 'v', events: [{ id: 'x', name: 'view_item', ts: 0, sid: 's', params: { items: [{ item_id: 'i', availability }] } }] })).toBe('checked');
    }
  });

  test('accepts values at their limits, as the schema does', () => {
    const b = full() as Omit<ReturnType<typeof full>, 'events'> & { events: Array<Record<string, unknown>> };
    b.vid = 'v'.repeat(limits.idLength);
    b.events[0]!.url = 'u'.repeat(limits.urlLength);
    b.events[1]!.params = { items: Array.from({ length: limits.itemsPerEvent }, (_, i) => ({ item_id: `i${i}`, item_name: 'n'.repeat(limits.nameText), price: limits.maxPrice, quantity: limits.maxQuantity })) };
    b.events[2]!.ts = 8.64e15;
    expect(agree(b)).toBe('checked');
    expect(agree({ site: 'k', vid: 'v', events: Array.from({ length: limits.eventsPerBatch }, (_, i) => ({ id: `e${i}`, name: 'page_view', ts: 0, sid: 's' })) })).toBe('checked');
  });

  // every field, each replaced by values of the wrong kind, size or range
  const wrong: unknown[] = [null, true, 0, -1, 1.5, 1e10, 'x', '', 'ab', 'x'.repeat(65), 'x'.repeat(129), 'x'.repeat(301), 'x'.repeat(2049), 'a b', [], {}, [1], { a: 1 }, 'GBPX', 'in stock', 9007199254740993, NaN, Infinity];
  const paths: string[][] = [
    ['site'], ['vid'], ['tz'], ['v'], ['events'],
    ...['id', 'name', 'ts', 'sid', 'url', 'ref', 'params'].map((k) => ['events', '1', k]),
    ...['items', 'value', 'currency', 'transaction_id', 'search_term', 'item_list_id', 'item_list_name', 'customer_id', 'page_title', 'rec_id', 'scenario'].map((k) => ['events', '1', 'params', k]),
    ...['item_id', 'item_name', 'price', 'currency', 'quantity', 'item_category', 'item_brand', 'image', 'url', 'availability'].map((k) => ['events', '1', 'params', 'items', '0', k]),
    ['events', '2', 'params', 'transaction_id'], ['events', '3', 'params', 'customer_id'],
    ['events', '4', 'params', 'rec_id'], ['events', '4', 'params', 'scenario'], ['events', '4', 'params', 'items'],
  ];
  test.each(paths.map((p) => [p.join('.')]))('never accepts what the schema refuses at %s', (path) => {
    const keys = path.split('.');
    for (const value of [...wrong, undefined]) {
      const b = full() as unknown as Record<string, unknown>;
      let at = b;
      for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
      if (value === undefined) delete at[keys.at(-1)!];
      else at[keys.at(-1)!] = value;
      agree(b);
    }
  });

  test('agrees with the schema on thousands of random edits of a batch', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
    const outcomes = { checked: 0, deferred: 0 };
    for (let round = 0; round < 3000; round++) {
      const b = full() as unknown as Record<string, unknown>;
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        const keys = pick(paths);
        let at = b;
        for (const k of keys.slice(0, -1)) {
          if (!at || typeof at[k] !== 'object') break;
          at = at[k] as Record<string, unknown>;
        }
        if (at && typeof at === 'object') at[keys.at(-1)!] = structuredClone(pick([...wrong, 'EUR', 'in_stock', 'view_item', 12, 'ok-id']));
      }
      outcomes[agree(b)]++;
    }
    expect(outcomes.checked).toBeGreaterThan(100); // edits that keep the batch valid are compared too
  });

  test('non-objects and non-finite numbers from raw JSON', () => {
    for (const json of [null, 1, 'x', [], [full()]]) expect(checkBatch(json)).toBeUndefined();
    const body = JSON.stringify(full()).replace('"price":4.5', '"price":1e999');
    expect(() => parseBatch(body)).toThrow(/price/);
  });
});
