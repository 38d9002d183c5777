import { expect, test } from 'vitest';
import { VisitorHistory } from './visitor-history.ts';

test('a new session clears the session lists, not the history, cart or purchases', () => {
  const h = new VisitorHistory({ maxVisitors: 10, maxItems: 3, maxBought: 2 });
  const v = h.touch('v', 's1');
  for (const item of ['a', 'b', 'a', 'c', 'd']) h.viewed(v, item);
  v.cart.set('x', 1);
  expect(v.sessionItems).toEqual(['a', 'c', 'd']);
  expect(v.recent).toEqual(['a', 'c', 'd']);
  h.touch('v', 's2');
  expect(v.sessionItems).toEqual([]);
  expect(v.recent).toEqual(['a', 'c', 'd']);
  expect([...v.cart.keys()]).toEqual(['x']);
  const before = ['p', 'q', 'p', 'r'].map((item, i) => h.bought(v, item, 1000 * i));
  expect(before).toEqual([undefined, undefined, 0, undefined]); // p was bought before, at 0
  expect([...v.bought]).toEqual([['p', 2000], ['r', 3000]]);
});

test('the least recently active visitor is forgotten past maxVisitors', () => {
  const h = new VisitorHistory({ maxVisitors: 2, maxItems: 3, maxBought: 2 });
  h.touch('a', 's');
  h.touch('b', 's');
  h.touch('a', 's');
  h.touch('c', 's');
  expect(h.peek('b')).toBeUndefined();
  expect(h.peek('a')).toBeDefined();
  expect(h.size).toBe(2);
});
