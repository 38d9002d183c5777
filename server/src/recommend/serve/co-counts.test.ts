import { expect, test } from 'vitest';
import { CoCounts } from './co-counts.ts';

test('pairs count both ways, once per basket, most frequent first', () => {
  const c = new CoCounts();
  c.addBasket(['a', 'b', 'c', 'b']);
  c.addBasket(['a', 'c']);
  expect(c.of('a')).toEqual([['c', 2], ['b', 1]]);
  expect(c.of('b')).toEqual([['a', 1], ['c', 1]]);
  c.addTo('d', new Set(['a', 'd']));
  expect(c.of('d')).toEqual([['a', 1]]);
});

test('an item keeps at most twice maxPartners partners, dropping the weakest', () => {
  const c = new CoCounts(2);
  c.addBasket(['hub', 'strong']);
  c.addBasket(['hub', 'strong']);
  for (const p of ['w1', 'w2', 'w3', 'w4']) c.addBasket(['hub', p]);
  const partners = c.of('hub');
  expect(partners.length).toBeLessThanOrEqual(4);
  expect(partners[0]).toEqual(['strong', 2]);
});
