import { expect, test } from 'vitest';
import { retryAfterMs } from './retry-after.ts';

const now = Date.UTC(2026, 10, 23, 12, 0, 0);

test.each<[string | string[] | undefined, number | null]>([
  ['120', 120_000],
  [' 0 ', 0],
  [['30', '60'], 30_000],
  ['Mon, 23 Nov 2026 12:01:30 GMT', 90_000], // IMF-fixdate
  ['Monday, 23-Nov-26 12:00:10 GMT', 10_000], // RFC 850
  ['Mon Nov 23 12:00:05 2026', 5_000], // asctime: no zone, and it is GMT
  ['Mon, 23 Nov 2026 11:00:00 GMT', 0], // in the past: now
  ['-5', null],
  ['1.5', null],
  ['soon', null],
  ['', null],
  [undefined, null],
])('Retry-After %j → %j ms', (header, ms) => {
  expect(retryAfterMs(header, now)).toBe(ms);
});
