// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { hrefTo, navigate } from './use-route.ts';

test('moving to another page keeps the site and period; a new query replaces them', () => {
  location.hash = '#/funnel?site=s1&from=2026-11-01&to=2026-11-30';
  navigate({ name: 'rfm' });
  expect(location.hash).toBe('#/rfm?site=s1&from=2026-11-01&to=2026-11-30');
  expect(hrefTo('people', ['c:42'])).toBe('#/people/c%3A42?site=s1&from=2026-11-01&to=2026-11-30');
  navigate({ name: 'login', query: {} }, true);
  expect(location.hash).toBe('#/login');
});
