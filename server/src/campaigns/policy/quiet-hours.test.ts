import { describe, expect, test } from 'vitest';
import { firstInstantAtWall, resolveTimeZone, wallTimeAt } from './local-time.ts';
import { quietHoursEnd, type QuietHours } from './quiet-hours.ts';

const night: QuietHours = { from: '21:00', to: '09:00' };
const lunch: QuietHours = { from: '13:00', to: '14:00' };
const utc = (iso: string) => Date.parse(`${iso}Z`);

// Offsets used below (2026): Berlin CET +1 / CEST +2, clocks forward 29 Mar 01:00 UTC, back 25 Oct 01:00 UTC;
// Los Angeles PST −8 / PDT −7, forward 8 Mar 10:00 UTC; Auckland NZDT +13 / NZST +12, back 4 Apr 14:00 UTC.
// Every expected value is the local time converted by hand with these offsets, not computed by the code.
const rows: Array<[string, string, QuietHours, string, string | null]> = [
  // name, zone, window, now (UTC), quiet until (UTC) or null when not quiet
  ['Berlin 21:30, window crossing midnight: until 09:00 tomorrow', 'Europe/Berlin', night, '2026-01-15T20:30:00', '2026-01-16T08:00:00'],
  ['Berlin 03:00, after midnight: until 09:00 today', 'Europe/Berlin', night, '2026-01-15T02:00:00', '2026-01-15T08:00:00'],
  ['Berlin 08:59:59', 'Europe/Berlin', night, '2026-01-15T07:59:59', '2026-01-15T08:00:00'],
  ['Berlin 09:00 exactly: allowed', 'Europe/Berlin', night, '2026-01-15T08:00:00', null],
  ['Berlin 20:59:59: allowed', 'Europe/Berlin', night, '2026-01-15T19:59:59', null],
  ['Berlin 21:00 exactly: quiet', 'Europe/Berlin', night, '2026-01-15T20:00:00', '2026-01-16T08:00:00'],
  ['same instant in Los Angeles is 04:00 there', 'America/Los_Angeles', night, '2026-01-15T12:00:00', '2026-01-15T17:00:00'],
  ['same instant in Berlin is 13:00: allowed', 'Europe/Berlin', night, '2026-01-15T12:00:00', null],
  ['Los Angeles 22:00 on the 15th is the 16th in UTC', 'America/Los_Angeles', night, '2026-01-16T06:00:00', '2026-01-16T17:00:00'],
  ['Auckland 23:00 on the 15th, 10:00 UTC: until 09:00 on the 16th, still the 15th in UTC', 'Pacific/Auckland', night, '2026-01-15T10:00:00', '2026-01-15T20:00:00'],
  ['Auckland 11:00 on the 16th, 22:00 UTC on the 15th: allowed', 'Pacific/Auckland', night, '2026-01-15T22:00:00', null],
  ['Auckland 21:00 exactly', 'Pacific/Auckland', night, '2026-01-15T08:00:00', '2026-01-15T20:00:00'],
  ['window not crossing midnight: Berlin 13:30', 'Europe/Berlin', lunch, '2026-01-15T12:30:00', '2026-01-15T13:00:00'],
  ['window not crossing midnight: Berlin 12:59', 'Europe/Berlin', lunch, '2026-01-15T11:59:00', null],
  ['window not crossing midnight: Berlin 14:00', 'Europe/Berlin', lunch, '2026-01-15T13:00:00', null],
  ['window not crossing midnight: Berlin 23:00', 'Europe/Berlin', lunch, '2026-01-15T22:00:00', null],
  // DST: the quiet night is an hour shorter or longer than its wall-clock length
  ['Berlin spring forward: 22:00 CET to 09:00 CEST is 10 h', 'Europe/Berlin', night, '2026-03-28T21:00:00', '2026-03-29T07:00:00'],
  ['Berlin fall back: 22:00 CEST to 09:00 CET is 12 h', 'Europe/Berlin', night, '2026-10-24T20:00:00', '2026-10-25T08:00:00'],
  ['Los Angeles spring forward: 23:00 PST to 09:00 PDT', 'America/Los_Angeles', night, '2026-03-08T07:00:00', '2026-03-08T16:00:00'],
  ['Auckland fall back: 22:00 NZDT to 09:00 NZST', 'Pacific/Auckland', night, '2026-04-04T09:00:00', '2026-04-04T21:00:00'],
  // a window ending inside the skipped hour ends at the jump; inside the repeated hour, at its next occurrence
  ['ends in the skipped hour (02:30 never happens): at the jump, 03:00 CEST', 'Europe/Berlin', { from: '21:00', to: '02:30' }, '2026-03-29T00:30:00', '2026-03-29T01:00:00'],
  ['ends in the repeated hour, first pass (02:15 CEST)', 'Europe/Berlin', { from: '00:00', to: '02:30' }, '2026-10-25T00:15:00', '2026-10-25T00:30:00'],
  ['ends in the repeated hour, second pass (02:15 CET)', 'Europe/Berlin', { from: '00:00', to: '02:30' }, '2026-10-25T01:15:00', '2026-10-25T01:30:00'],
];

describe('quiet hours on the person’s wall clock', () => {
  test.each(rows)('%s', (_name, zone, window, now, until) => {
    expect(quietHoursEnd(utc(now), zone, window)).toBe(until === null ? null : utc(until));
  });
});

describe('wall time', () => {
  test('reads the zone’s clock, hour 0 not 24', () => {
    expect(wallTimeAt(utc('2026-01-15T23:30:05'), 'Europe/Berlin')).toEqual({ year: 2026, month: 1, day: 16, hour: 0, minute: 30, second: 5 });
  });

  test('a time skipped by DST is reached at the jump, a repeated one at its first occurrence', () => {
    expect(firstInstantAtWall(utc('2026-03-29T02:30:00'), 'Europe/Berlin')).toBe(utc('2026-03-29T01:00:00'));
    expect(firstInstantAtWall(utc('2026-10-25T02:30:00'), 'Europe/Berlin')).toBe(utc('2026-10-25T00:30:00'));
    expect(firstInstantAtWall(utc('2026-10-25T02:30:00'), 'Europe/Berlin', utc('2026-10-25T00:30:01'))).toBe(utc('2026-10-25T01:30:00'));
  });

  test('an unknown or missing zone falls back to the site’s, then to UTC', () => {
    expect(resolveTimeZone('Asia/Tokyo', 'Europe/Berlin')).toBe('Asia/Tokyo');
    expect(resolveTimeZone(null, 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(resolveTimeZone('Mars/Olympus_Mons', 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(resolveTimeZone('', 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(resolveTimeZone(`Europe/${'x'.repeat(100)}`, 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(resolveTimeZone('nowhere', 'also nowhere')).toBe('UTC');
  });
});
