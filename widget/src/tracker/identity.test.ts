import { beforeEach, expect, test } from 'vitest';
import { forgetIdentity, sessionId, visitorId } from './identity.ts';

const minute = 60_000;
const t0 = 1_700_000_000_000;

beforeEach(() => localStorage.clear());

test('the visitor id is created by the first event and kept in localStorage, no cookie', () => {
  sessionId(t0);
  const visitor = visitorId();
  expect(visitor).toMatch(/^[\w.:-]{1,64}$/);
  expect(visitorId()).toBe(visitor);
  expect(localStorage.getItem('shoploop:id')).toContain(visitor);
  expect(document.cookie).toBe('');
});

test('a session continues while events come less than 30 minutes apart', () => {
  const first = sessionId(t0);
  expect(sessionId(t0 + 29 * minute)).toBe(first);
  expect(sessionId(t0 + 58 * minute)).toBe(first);
});

test('a new session starts after 30 minutes without events; the visitor stays', () => {
  const first = sessionId(t0);
  const visitor = visitorId();
  const second = sessionId(t0 + 30 * minute);
  expect(second).not.toBe(first);
  expect(visitorId()).toBe(visitor);
});

test('forgetting removes both ids', () => {
  sessionId(t0);
  const visitor = visitorId();
  forgetIdentity();
  expect(localStorage.getItem('shoploop:id')).toBeFalsy();
  expect(visitorId()).not.toBe(visitor);
});
