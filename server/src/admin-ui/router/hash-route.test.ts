import { expect, test } from 'vitest';
import { apiPeriod, formatHash, parseHash } from './hash-route.ts';
import { pageNames } from './routes.ts';

test('every page and its query are read from the hash', () => {
  expect(parseHash('#/rfm?site=s1&from=2026-11-01&to=2026-11-30')).toEqual({ name: 'rfm', params: [], query: { site: 's1', from: '2026-11-01', to: '2026-11-30' } });
  expect(parseHash('#/people/p%2F1%20x')).toEqual({ name: 'people', params: ['p/1 x'], query: {} });
  expect(parseHash('#/set-password/tok123')).toEqual({ name: 'set-password', params: ['tok123'], query: {} });
  for (const name of pageNames) expect(parseHash(`#/${name}`).name).toBe(name);
});

test('an empty, unknown or malformed hash opens the funnel, keeping a valid query', () => {
  expect(parseHash('')).toEqual({ name: 'funnel', params: [], query: {} });
  expect(parseHash('#/nope?site=a')).toEqual({ name: 'funnel', params: [], query: { site: 'a' } });
  expect(parseHash('#/%E0%A4%A')).toEqual({ name: 'funnel', params: [], query: {} });
  expect(parseHash('#/people/%E0%A4%A').params).toEqual([]);
});

test('dates that are not days, or a from after to, are dropped', () => {
  expect(parseHash('#/funnel?from=yesterday&to=2026-13-45').query).toEqual({});
  expect(parseHash('#/funnel?from=2026-12-01&to=2026-11-01').query).toEqual({ to: '2026-11-01' });
});

test('formatHash and parseHash round-trip, ids with any characters included', () => {
  const routes = [
    { name: 'people' as const, params: ['c:42/ä?&#'], query: { site: 'site 1', from: '2026-01-01', to: '2026-01-31' } },
    { name: 'funnel' as const, params: [], query: {} },
  ];
  for (const r of routes) expect(parseHash(formatHash(r))).toEqual(r);
  expect(formatHash({ name: 'cohorts', query: { site: 's' } })).toBe('#/cohorts?site=s');
});

test('the API period ends the day after the last day shown', () => {
  expect(apiPeriod({ from: '2026-11-01', to: '2026-11-30' })).toEqual({ from: '2026-11-01', to: '2026-12-01' });
  expect(apiPeriod({ to: '2026-12-31' })).toEqual({ to: '2027-01-01' });
  expect(apiPeriod({})).toEqual({});
});
