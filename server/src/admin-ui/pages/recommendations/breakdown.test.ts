import { expect, test } from 'vitest';
import { dailySeries, daysOf, sumBy } from './breakdown.ts';
import type { DayRow, PageTypeRow } from './types.ts';

const row = (scenario: string, pageType: string, impressions: number, clicks: number, orders: number, revenue: number): PageTypeRow => ({
  scenario,
  pageType,
  impressions,
  clicks,
  orders,
  items: orders,
  revenue,
  ctr: impressions ? clicks / impressions : null,
});

test('per scenario and per page type: sums, CTR from the sums (not an average of ratios), biggest revenue first', () => {
  const rows = [row('similar', 'product', 3000, 30, 3, 90.1), row('similar', 'cart', 3, 3, 0, 0), row('popular', 'home', 1000, 50, 5, 120.2), row('popular', 'product', 0, 0, 0, 0)];
  expect(sumBy(rows, 'scenario')).toEqual([
    { key: 'popular', impressions: 1000, clicks: 50, orders: 5, revenue: 120.2, ctr: 0.05 },
    { key: 'similar', impressions: 3003, clicks: 33, orders: 3, revenue: 90.1, ctr: 33 / 3003 },
  ]);
  const byPage = sumBy(rows, 'pageType');
  expect(byPage.map((r) => r.key)).toEqual(['home', 'product', 'cart']);
  expect(byPage.find((r) => r.key === 'product')).toMatchObject({ impressions: 3000, clicks: 30, ctr: 0.01 });
  expect(sumBy([row('x', 'other', 0, 0, 0, 0)], 'scenario')[0]!.ctr).toBeNull();
});

test('the days of a half-open period, in UTC', () => {
  expect(daysOf('2026-11-29T00:00:00.000Z', '2026-12-02T00:00:00.000Z')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
  // a period starting mid-day still counts its first day; the day `to` falls in counts when `to` is past its midnight
  expect(daysOf('2026-11-29T10:42:00.000Z', '2026-11-30T10:42:00.000Z')).toEqual(['2026-11-29', '2026-11-30']);
  expect(daysOf('nonsense', '2026-11-30')).toEqual([]);
  expect(daysOf('2020-01-01', '2026-01-01', 10)).toHaveLength(10);
});

test('one series per scenario over every day, zeros where a day had nothing, biggest first', () => {
  const days = ['2026-11-29', '2026-11-30', '2026-12-01'];
  const rows: DayRow[] = [
    { day: '2026-11-29', scenario: 'similar', impressions: 10, clicks: 1, orders: 0, items: 0, revenue: 0 },
    { day: '2026-12-01', scenario: 'similar', impressions: 5, clicks: 2, orders: 1, items: 1, revenue: 10.126 },
    { day: '2026-11-30', scenario: 'popular', impressions: 40, clicks: 0, orders: 0, items: 0, revenue: 0 },
    { day: '2026-10-01', scenario: 'popular', impressions: 999, clicks: 0, orders: 0, items: 0, revenue: 0 },
  ];
  expect(dailySeries(rows, days, 'impressions')).toEqual({ days, scenarios: ['popular', 'similar'], values: [[0, 40, 0], [10, 0, 5]] });
  expect(dailySeries(rows, days, 'revenue')).toEqual({ days, scenarios: ['similar', 'popular'], values: [[0, 0, 10.13], [0, 0, 0]] });
});
