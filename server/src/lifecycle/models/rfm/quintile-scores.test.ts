import { expect, test } from 'vitest';
import { quintileScores } from './quintile-scores.ts';

test('ten distinct values make equal quintiles of two, in value order', () => {
  expect(quintileScores([9, 0, 8, 1, 7, 2, 6, 3, 5, 4])).toEqual([5, 1, 5, 1, 4, 2, 4, 2, 3, 3]);
});

test('equal values get equal scores, placed at the middle of their block', () => {
  // Half the population ties on the lowest value: its middle is the 25th percentile, score 2.
  expect(quintileScores([1, 1, 1, 1, 1, 2, 2, 3, 5, 8])).toEqual([2, 2, 2, 2, 2, 4, 4, 4, 5, 5]);
  expect(quintileScores([7, 7, 7])).toEqual([3, 3, 3]);
});

test('small populations sit in the middle rather than at the bottom', () => {
  expect(quintileScores([])).toEqual([]);
  expect(quintileScores([42])).toEqual([3]);
  expect(quintileScores([10, 5])).toEqual([4, 2]);
  expect(quintileScores([3, 1, 2])).toEqual([5, 1, 3]);
});

test('rejects values it cannot rank', () => {
  expect(() => quintileScores([1, Number.NaN])).toThrow(/value 1 is not finite/);
});
