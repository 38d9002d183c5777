import { expect, test } from 'vitest';
import { dueForRepurchase, RepeatIntervals } from './repeat-intervals.ts';

const DAY = 24 * 3600 * 1000;

test('the typical interval is the median of the kept repeats, known from minRepeats on', () => {
  const r = new RepeatIntervals({ minRepeats: 3, keep: 3, minGapMs: DAY });
  r.addRepeat('tea', 0, 10 * DAY);
  r.addRepeat('tea', 0, 30 * DAY);
  expect(r.intervalOf('tea')).toBeUndefined();
  r.addRepeat('tea', 0, 12 * DAY);
  expect(r.intervalOf('tea')).toBe(12 * DAY); // median of 10, 30, 12
  r.addRepeat('tea', 0, 40 * DAY); // the oldest (10) leaves: 30, 12, 40
  expect(r.intervalOf('tea')).toBe(30 * DAY);
});

test('a second order of the same product within a day is no repeat', () => {
  const r = new RepeatIntervals({ minRepeats: 1, keep: 5, minGapMs: DAY });
  r.addRepeat('tea', 0, 2 * 3600 * 1000);
  expect(r.intervalOf('tea')).toBeUndefined();
  expect(r.size).toBe(0);
});

test('due: between 0.8 and 3 intervals since the last purchase, closest to one interval first', () => {
  const r = new RepeatIntervals({ minRepeats: 1, keep: 5, minGapMs: DAY });
  for (const item of ['a', 'b', 'c', 'd']) r.addRepeat(item, 0, 10 * DAY);
  const now = 100 * DAY;
  const lastBought = new Map([
    ['a', now - 7 * DAY], // 0.7: not yet
    ['b', now - 9 * DAY], // 0.9
    ['c', now - 14 * DAY], // 1.4
    ['d', now - 31 * DAY], // 3.1: moved on
    ['durable', now - 10 * DAY], // never re-bought by anyone
  ]);
  expect(dueForRepurchase(lastBought, r, now)).toEqual(['b', 'c']);
});
