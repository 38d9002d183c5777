import { expect, test } from 'vitest';
import { SequentialRules } from './sequential-rules.ts';
import { clicksOf } from './test-clicks.ts';

test('successors of the last click, weighted 1/distance within `steps`', () => {
  const rules = new SequentialRules({ steps: 2, weighting: 'div' });
  // a→b 1, a→c ½ (two steps), b→c 1; a→d: 1 in the second session; c after a three steps back is out of reach
  for (const click of clicksOf([['s', 'a', 1], ['s', 'b', 2], ['s', 'c', 3], ['t', 'a', 4], ['t', 'd', 5], ['t', 'x', 6], ['t', 'y', 7]])) {
    rules.addClick(click);
  }
  expect(rules.successorsOf(['z', 'a'])).toEqual([
    { itemId: 'b', score: 1 },
    { itemId: 'd', score: 1 },
    { itemId: 'c', score: 0.5 },
    { itemId: 'x', score: 0.5 },
  ]);
  expect(rules.successorsOf(['a', 'unknown'])).toEqual([]);
  expect(rules.successorsOf([])).toEqual([]);
});
