import { expect, test } from 'vitest';
import { stackValues, thinLabels } from './options.ts';

test('stacking sums each series onto the ones below it, a gap counting as zero', () => {
  expect(stackValues([[1, 2, null], [10, null, 3], [100, 200, 300]])).toEqual([
    [1, 2, 0],
    [11, 2, 3],
    [111, 202, 303],
  ]);
  expect(stackValues([])).toEqual([]);
});

test('category labels are thinned only when they would overlap', () => {
  const labels = ['Visitors', 'Engaged', 'First order', 'Repeat', 'Loyal'];
  expect(thinLabels(labels, [0, 1, 2, 3, 4], 800)).toEqual(labels);
  const narrow = thinLabels(labels, [0, 1, 2, 3, 4], 200);
  expect(narrow).toEqual(['Visitors', '', 'First order', '', 'Loyal']);
});
