import { expect, test } from 'vitest';
import { DatabaseHealth, RETRY_AFTER_S } from './database-health.ts';

test('a failed write sheds requests for Retry-After seconds, lets one probe through, and a success clears it', () => {
  let now = 1_000_000;
  const health = new DatabaseHealth(() => now);
  expect(health.shouldShed()).toBe(false);
  expect(health.writeProblem).toBeNull();

  health.writeFailed(new Error('SQLITE_BUSY: database is locked'));
  expect(health.writeProblem).toEqual({ reason: 'SQLITE_BUSY: database is locked', since: 1_000_000 });
  expect(health.shouldShed()).toBe(true);
  now += RETRY_AFTER_S * 1000 - 1;
  expect(health.shouldShed()).toBe(true);
  now += 1;
  expect(health.shouldShed()).toBe(false); // the probe
  expect(health.shouldShed()).toBe(true); // the others, while it runs

  health.writeFailed(new Error('database or disk is full'));
  expect(health.writeProblem).toEqual({ reason: 'database or disk is full', since: 1_000_000 }); // the outage began then
  health.writeSucceeded();
  expect(health.writeProblem).toBeNull();
  expect(health.shouldShed()).toBe(false);
});

test('a failure nobody retried for 30 s is forgotten, so an instance out of rotation is asked again', () => {
  let now = 0;
  const health = new DatabaseHealth(() => now);
  health.writeFailed(new Error('database is locked'));
  now += 29_999;
  expect(health.writeProblem).not.toBeNull();
  now += 1;
  expect(health.writeProblem).toBeNull();
  expect(health.shouldShed()).toBe(false);
});
