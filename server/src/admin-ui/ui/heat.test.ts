import { expect, test } from 'vitest';
import { heatOf } from './heat.ts';

test('empty, zero and missing values are uncoloured; the largest is strongest', () => {
  expect(heatOf(null, 10)).toEqual({ vars: { '--heat-alpha': '0' }, strong: false });
  expect(heatOf(0, 10).vars['--heat-alpha']).toBe('0');
  expect(heatOf(5, 0).vars['--heat-alpha']).toBe('0');
  expect(heatOf(10, 10)).toEqual({ vars: { '--heat-alpha': '0.900' }, strong: true });
  expect(Number(heatOf(1, 10).vars['--heat-alpha'])).toBeLessThan(Number(heatOf(5, 10).vars['--heat-alpha']));
  expect(heatOf(50, 10).vars['--heat-alpha']).toBe('0.900'); // capped
});
