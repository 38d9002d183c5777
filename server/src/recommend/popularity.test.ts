import { expect, test } from 'vitest';
import { PopularityRecommender } from './popularity.ts';
import { clicksOf } from './test-clicks.ts';

const ids = (model: PopularityRecommender, limit: number, exclude?: Set<string>) => model.top(limit, exclude).map((r) => r.itemId);

test('ranks by clicks, ties to the item seen first, scores relative to the leader', () => {
  const model = new PopularityRecommender();
  for (const click of clicksOf([['s', 'a', 1], ['s', 'b', 2], ['t', 'b', 3], ['t', 'c', 4], ['u', 'c', 5], ['u', 'c', 6]])) model.addClick(click);
  expect(model.top(3)).toEqual([
    { itemId: 'c', score: 1 },
    { itemId: 'b', score: 2 / 3 },
    { itemId: 'a', score: 1 / 3 },
  ]);
  expect(ids(model, 5, new Set(['c']))).toEqual(['b', 'a']);
});

test('with a half-life, recent clicks outweigh older ones', () => {
  const model = new PopularityRecommender({ halfLife: 10 });
  // a: three clicks at t=0; b: two clicks 20 later, each worth 4 of the old ones
  for (const click of clicksOf([['s', 'a', 0], ['s', 'a', 0], ['s', 'a', 0], ['t', 'b', 20], ['t', 'b', 20]])) model.addClick(click);
  expect(model.top(2)).toEqual([
    { itemId: 'b', score: 1 },
    { itemId: 'a', score: 3 / 8 },
  ]);
});

test('moving the decay landmark far ahead keeps the order', () => {
  const model = new PopularityRecommender({ halfLife: 1 });
  for (const click of clicksOf([['s', 'a', 0], ['s', 'b', 0], ['s', 'b', 0]])) model.addClick(click);
  model.addClick({ sessionId: 't', itemId: 'c', time: 2000 }); // 2^2000 would overflow without a rebase
  model.addClick({ sessionId: 't', itemId: 'b', time: 2000 });
  expect(ids(model, 3)).toEqual(['b', 'c', 'a']);
  expect(model.top(3).every((r) => Number.isFinite(r.score))).toBe(true);
});

test('beyond the kept leaders, a long request with exclusions falls back to a full ranking', () => {
  const model = new PopularityRecommender({ leaderCapacity: 2 });
  const rows: [string, string, number][] = [];
  ['a', 'b', 'c', 'd'].forEach((item, i) => {
    for (let n = 0; n < 4 - i; n++) rows.push(['s', item, rows.length]); // a 4, b 3, c 2, d 1
  });
  for (const click of clicksOf(rows.reverse())) model.addClick(click); // d arrives first
  expect(ids(model, 2)).toEqual(['a', 'b']);
  expect(ids(model, 2, new Set(['a', 'b']))).toEqual(['c', 'd']);
  expect(ids(model, 10)).toEqual(['a', 'b', 'c', 'd']);
});

test('an empty model recommends nothing', () => {
  expect(new PopularityRecommender().recommend([], { limit: 5 })).toEqual([]);
});

test('a click counted several times at once weighs as that many clicks', () => {
  const once = new PopularityRecommender({ halfLife: 100 });
  const batched = new PopularityRecommender({ halfLife: 100 });
  for (let i = 0; i < 3; i++) once.addClick({ sessionId: '', itemId: 'sale', time: 50 });
  batched.addClick({ sessionId: '', itemId: 'sale', time: 50 }, 3);
  for (const model of [once, batched]) for (let i = 0; i < 2; i++) model.addClick({ sessionId: '', itemId: 'look', time: 60 });
  expect(batched.top(2)).toEqual(once.top(2));
  expect(batched.top(1)[0]!.itemId).toBe('sale');
});
