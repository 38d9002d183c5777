import { expect, test } from 'vitest';
import { formatCount, formatDay, formatDelta } from './format.ts';

test('counts get thousands separators; deltas a sign', () => {
  expect(formatCount(12345)).toBe('12,345');
  expect(formatDelta(10, 22)).toBe('+12');
  expect(formatDelta(1500, 0)).toBe('−1,500');
  expect(formatDelta(3, 3)).toBe('±0');
});

test('a day is read as UTC whatever the browser zone', () => {
  expect(formatDay('2026-11-01')).toBe('1 Nov');
  expect(formatDay('2026-12-31')).toBe('31 Dec');
});
