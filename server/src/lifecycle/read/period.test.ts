import { describe, expect, test } from 'vitest';
import { ApiError } from '../../http/errors.ts';
import { daysOf, periodFromQuery } from './period.ts';

const NOW = Date.UTC(2026, 10, 23, 12, 30);
const DAY = 86_400_000;

describe('periodFromQuery', () => {
  test('defaults: to is now, from 30 days before', () => {
    expect(periodFromQuery({}, NOW)).toEqual({ from: NOW - 30 * DAY, to: NOW });
    expect(periodFromQuery({ from: '', to: '' }, NOW)).toEqual({ from: NOW - 30 * DAY, to: NOW });
  });

  test('from alone reaches to now; to alone reaches 30 days back from it', () => {
    expect(periodFromQuery({ from: '2026-11-01' }, NOW)).toEqual({ from: Date.UTC(2026, 10, 1), to: NOW });
    expect(periodFromQuery({ to: '2026-11-01' }, NOW)).toEqual({ from: Date.UTC(2026, 10, 1) - 30 * DAY, to: Date.UTC(2026, 10, 1) });
  });

  test('a date is midnight UTC; a date-time keeps its offset', () => {
    expect(periodFromQuery({ from: '2026-11-01', to: '2026-11-02T01:00:00+02:00' }, NOW)).toEqual({ from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 1, 23) });
  });

  test.each([{ from: '2026-02-30' }, { from: '1 Nov 2026' }, { to: '2026-11-01T10:00:00' }, { from: '2026-11-02', to: '2026-11-01' }])('refuses %j', (query) => {
    expect(() => periodFromQuery(query, NOW)).toThrow(ApiError);
  });
});

describe('daysOf', () => {
  test('the UTC days a half-open period touches', () => {
    expect(daysOf({ from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 10, 4) })).toEqual({ first: '2026-11-01', last: '2026-11-03' });
    expect(daysOf({ from: Date.UTC(2026, 10, 1, 23), to: Date.UTC(2026, 10, 4, 0, 0, 0, 1) })).toEqual({ first: '2026-11-01', last: '2026-11-04' });
  });
});
