import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { askDays, reviewCheckDue, stopAsking, visitMs } from './ask.ts';

// When a browser asks for review requests: `shoploop:reviews` is −(purchase time) after a purchase (the tracker
// writes it), then the time of the next check; `shoploop:reviews-until` is when to stop. Clock-driven.

const day = 864e5;
const purchase = Date.UTC(2025, 2, 1);
const marker = () => localStorage.getItem('shoploop:reviews');
const until = () => localStorage.getItem('shoploop:reviews-until');

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

test('a browser that never bought is never due, and nothing is written', () => {
  expect(reviewCheckDue(purchase)).toBe(false);
  expect(localStorage.length).toBe(0);
});

test('after a purchase: due at once, then once a visit (30 minutes), until 90 days after the purchase', () => {
  localStorage.setItem('shoploop:reviews', String(-purchase));
  expect(reviewCheckDue(purchase + 1000)).toBe(true);
  expect(Number(until())).toBe(purchase + askDays * day);
  expect(Number(marker())).toBe(purchase + 1000 + visitMs);

  expect(reviewCheckDue(purchase + 1000 + visitMs - 1)).toBe(false);
  const week = purchase + 7 * day;
  expect(reviewCheckDue(week)).toBe(true);
  expect(Number(marker())).toBe(week + visitMs);
  expect(reviewCheckDue(purchase + askDays * day)).toBe(true);
  // past the window: the keys go, and the tracker stops loading the UI for it
  expect(reviewCheckDue(purchase + askDays * day + visitMs + 1)).toBe(false);
  expect(marker()).toBeNull();
  expect(until()).toBeNull();
});

test('a second purchase moves the end of the window; an earlier one never shortens it', () => {
  localStorage.setItem('shoploop:reviews', String(-purchase));
  reviewCheckDue(purchase);
  const second = purchase + 30 * day;
  localStorage.setItem('shoploop:reviews', String(-second));
  expect(reviewCheckDue(second)).toBe(true);
  expect(Number(until())).toBe(second + askDays * day);
  localStorage.setItem('shoploop:reviews', String(-purchase));
  reviewCheckDue(second + day);
  expect(Number(until())).toBe(second + askDays * day);
});

test('stopAsking forgets both keys; where localStorage fails nothing is due and nothing throws', () => {
  localStorage.setItem('shoploop:reviews', String(-purchase));
  reviewCheckDue(purchase);
  stopAsking();
  expect(localStorage.length).toBe(0);

  vi.stubGlobal('localStorage', {
    getItem() {
      throw new DOMException('denied', 'SecurityError');
    },
  });
  expect(reviewCheckDue(purchase)).toBe(false);
  expect(() => stopAsking()).not.toThrow();
});
