import { expect, test } from 'vitest';
import { stackValues, thinLabels, twoLines } from './options.ts';

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
  // 64 px a slot: "First order" goes on two lines
  expect(thinLabels(labels, [0, 1, 2, 3, 4], 320)).toEqual(['Visitors', 'Engaged', 'First\norder', 'Repeat', 'Loyal']);
  // 40 px a slot: too narrow even on two lines, every other one
  expect(thinLabels(labels, [0, 1, 2, 3, 4], 200)).toEqual(['Visitors', '', 'First\norder', '', 'Loyal']);
});

test('a long label breaks at the space nearest its middle', () => {
  expect(twoLines('Here and now')).toBe('Here\nand now');
  expect(twoLines('£100–£200')).toBe('£100–£200');
  expect(twoLines('Still active or moved on')).toBe('Still active\nor moved on');
});
