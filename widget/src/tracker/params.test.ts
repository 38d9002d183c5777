import { expect, test } from 'vitest';
import { paramsSchema } from '../../../server/src/collect/schema.ts';
import { cleanParams } from './params.ts';

test('known params pass; unknown ones are dropped', () => {
  const params = cleanParams({ value: 30, currency: 'EUR', transaction_id: 'T1', coupon: 'X', send_to: 'G-1', event: 'purchase' });
  expect(params).toEqual({ value: 30, currency: 'EUR', transaction_id: 'T1' });
});

test('items keep their known fields; items without an id are dropped', () => {
  const params = cleanParams({
    items: [
      { item_id: 'SKU-1', item_name: 'Shirt', price: 19.9, quantity: 2, item_variant: 'blue', index: 0 },
      { item_name: 'no id' },
      null,
      'junk',
    ],
  });
  expect(params.items).toEqual([{ item_id: 'SKU-1', item_name: 'Shirt', price: 19.9, quantity: 2 }]);
});

test('numbers are coerced and bounded: prices ≥ 0 and finite, quantities whole', () => {
  const { items } = cleanParams({
    items: [
      { item_id: 1, price: '12.50', quantity: '3' },
      { item_id: 2, price: -1, quantity: 2.6 },
      { item_id: 3, price: Infinity, quantity: -1 },
      { item_id: 4, price: NaN, quantity: 2e6 },
      { item_id: 5, price: 'free', quantity: 'many' },
    ],
  });
  expect(items).toEqual([
    { item_id: '1', price: 12.5, quantity: 3 },
    { item_id: '2', quantity: 3 },
    { item_id: '3' },
    { item_id: '4' },
    { item_id: '5' },
  ]);
  expect(cleanParams({ value: 0 }).value).toBe(0);
  expect(cleanParams({ value: 2e9 }).value).toBeUndefined();
});

test('strings are cut to the collector limits', () => {
  const long = 'x'.repeat(5000);
  const params = cleanParams({
    transaction_id: long,
    search_term: long,
    page_title: long,
    items: [{ item_id: long, item_name: long, image: long, url: long, item_category: long, item_brand: long }],
  });
  expect(params.transaction_id).toHaveLength(128);
  expect(params.search_term).toHaveLength(300);
  expect(params.page_title).toHaveLength(300);
  expect(params.items![0]).toMatchObject({ item_id: long.slice(0, 128), item_name: long.slice(0, 300) });
  expect(params.items![0]!.url).toHaveLength(2048);
  expect(paramsSchema.safeParse(params).success).toBe(true);
});

test('currencies must be 3-letter codes', () => {
  expect(cleanParams({ currency: 'eur' }).currency).toBe('eur');
  expect(cleanParams({ currency: '€' }).currency).toBeUndefined();
  expect(cleanParams({ currency: 'EURO' }).currency).toBeUndefined();
  expect(cleanParams({ currency: ['EUR'] }).currency).toBeUndefined();
});

test('availability accepts schema.org URLs, Open Graph words and our own names', () => {
  const availability = (value: unknown) => cleanParams({ items: [{ item_id: 'a', availability: value }] }).items![0]!.availability;
  expect(availability('https://schema.org/InStock')).toBe('in_stock');
  expect(availability('http://schema.org/OutOfStock')).toBe('out_of_stock');
  expect(availability('https://schema.org/PreOrder')).toBe('preorder');
  expect(availability('https://schema.org/BackOrder')).toBe('backorder');
  expect(availability('https://schema.org/Discontinued')).toBe('discontinued');
  expect(availability('in stock')).toBe('in_stock');
  expect(availability('out of stock')).toBe('out_of_stock');
  expect(availability('out_of_stock')).toBe('out_of_stock');
  expect(availability('InStock')).toBe('in_stock');
  expect(availability('pending')).toBeUndefined();
  expect(availability(undefined)).toBeUndefined();
});

test('whatever comes in, the result passes the collector schema', () => {
  const inputs = [
    undefined,
    null,
    42,
    'string',
    [],
    { items: 'x' },
    { items: Array.from({ length: 80 }, (_, i) => ({ item_id: i, price: String(i) })) },
    { value: '1e400', currency: 3, customer_id: { id: 1 }, item_list_id: true },
  ];
  for (const input of inputs) {
    const params = cleanParams(input);
    expect(paramsSchema.safeParse(params).success, JSON.stringify(input)).toBe(true);
  }
  expect(cleanParams(inputs[6]).items).toHaveLength(50);
});

test('recommendation events keep rec_id and scenario, cut to the collector limits', () => {
  expect(cleanParams({ rec_id: 'r_1', scenario: 'also-bought', items: [{ item_id: 'A', junk: 1 }] })).toEqual({
    rec_id: 'r_1',
    scenario: 'also-bought',
    items: [{ item_id: 'A' }],
  });
  const long = cleanParams({ rec_id: 'r'.repeat(100), scenario: 's'.repeat(100) });
  expect(long.rec_id).toHaveLength(64);
  expect(long.scenario).toHaveLength(32);
  expect(paramsSchema.safeParse(long).success).toBe(true);
});
