import { expect, test } from 'vitest';
import { MetricAccumulator } from './metrics.ts';

const list = (n: number) => Array.from({ length: n }, (_, i) => `i${i + 1}`); // i1 at rank 1, i2 at rank 2, …

test('a hit at rank 3 counts for HR and adds 1/3 to MRR at both cut-offs', () => {
  const metrics = new MetricAccumulator(100);
  metrics.add(list(20), 'i3');
  expect(metrics.result()).toMatchObject({ 'HR@20': 1, 'MRR@20': 1 / 3, 'HR@10': 1, 'MRR@10': 1 / 3 });
});

test('rank 10 is a hit at 10, rank 11 only at 20; rank 21 and absent targets count 0', () => {
  const metrics = new MetricAccumulator(100);
  metrics.add(list(30), 'i10');
  metrics.add(list(30), 'i11');
  metrics.add(list(30), 'i21');
  metrics.add(list(30), 'nope');
  metrics.add(list(30), 'i1');
  const result = metrics.result();
  expect(metrics.count).toBe(5);
  expect(result['HR@20']).toBeCloseTo(3 / 5, 12);
  expect(result['MRR@20']).toBeCloseTo((1 / 10 + 1 / 11 + 1) / 5, 12);
  expect(result['HR@10']).toBeCloseTo(2 / 5, 12);
  expect(result['MRR@10']).toBeCloseTo((1 / 10 + 1) / 5, 12);
});

test('coverage counts distinct items of the top 20 only, over the catalog size', () => {
  const metrics = new MetricAccumulator(40);
  metrics.add(list(30), 'x'); // items 21..30 are beyond the cut-off
  metrics.add(['i1', 'z1', 'z2'], 'x');
  expect(metrics.result()['coverage@20']).toBeCloseTo(22 / 40, 12);
});

test('no points gives zeros rather than NaN', () => {
  expect(new MetricAccumulator(10).result()).toEqual({ 'HR@20': 0, 'MRR@20': 0, 'HR@10': 0, 'MRR@10': 0, 'coverage@20': 0 });
});
