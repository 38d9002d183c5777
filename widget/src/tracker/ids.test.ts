import { afterEach, expect, test, vi } from 'vitest';
import { newId } from './ids.ts';

afterEach(() => vi.useRealTimers());

test('ids fit the collector rule', () => {
  for (let i = 0; i < 100; i++) expect(newId()).toMatch(/^[\w.:-]{1,64}$/);
});

test('ids are unique', () => {
  const ids = new Set(Array.from({ length: 10_000 }, newId));
  expect(ids.size).toBe(10_000);
});

test('ids sort by creation time', () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_700_000_000_000);
  const earlier = newId();
  vi.setSystemTime(1_700_000_000_001);
  const later = newId();
  expect([later, earlier].sort()).toEqual([earlier, later]);
});
