import { ctrOf, round, type BreakdownCell, type BreakdownFigures } from './attribution.ts';
import type { PeriodFigures } from './daily-rollup.ts';

export interface RecommendationPage {
  /** per scenario and the page type its block was on, best earner first */
  scenarios: Array<{ scenario: string; pageType: string; ctr: number | null } & BreakdownFigures>;
  /** per UTC day and scenario, oldest first; only days with figures */
  days: Array<{ day: string; scenario: string } & BreakdownFigures>;
  totals: { impressions: number; clicks: number; ctr: number | null; orders: number; revenue: number; shopOrders: number; shopRevenue: number };
  /** the orders' one currency, null when none or several */
  currency: string | null;
}

const zero = (): BreakdownFigures => ({ impressions: 0, clicks: 0, orders: 0, items: 0, revenue: 0 });

function sum(cells: BreakdownCell[], keyOf: (c: BreakdownCell) => string): Map<string, { first: BreakdownCell; f: BreakdownFigures }> {
  const out = new Map<string, { first: BreakdownCell; f: BreakdownFigures }>();
  for (const c of cells) {
    const key = keyOf(c);
    const entry = out.get(key) ?? { first: c, f: zero() };
    entry.f.impressions += c.impressions;
    entry.f.clicks += c.clicks;
    entry.f.orders += c.orders;
    entry.f.items += c.items;
    entry.f.revenue += c.revenue;
    out.set(key, entry);
  }
  return out;
}

/**
 * The page's two views of the same cells: summed over days (per scenario and page type) and over page types (per
 * day and scenario). An order is counted once per cell it was credited to.
 */
export function recommendationPage(figures: PeriodFigures): RecommendationPage {
  const byPage = [...sum(figures.cells, (c) => `${c.scenario}\u0000${c.pageType}`).values()].map(({ first, f }) => ({
    scenario: first.scenario,
    pageType: first.pageType,
    ...f,
    ctr: ctrOf(f),
    revenue: round(f.revenue, 2),
  }));
  byPage.sort((a, b) => b.revenue - a.revenue || b.clicks - a.clicks || b.impressions - a.impressions || (`${a.scenario} ${a.pageType}` < `${b.scenario} ${b.pageType}` ? -1 : 1));
  const days = [...sum(figures.cells, (c) => `${c.day}\u0000${c.scenario}`).values()].map(({ first, f }) => ({ day: first.day, scenario: first.scenario, ...f, revenue: round(f.revenue, 2) }));
  days.sort((a, b) => (a.day !== b.day ? (a.day < b.day ? -1 : 1) : a.scenario < b.scenario ? -1 : 1));
  const all = [...sum(figures.cells, () => '').values()][0]?.f ?? zero();
  return {
    scenarios: byPage,
    days,
    totals: {
      impressions: all.impressions,
      clicks: all.clicks,
      ctr: ctrOf(all),
      orders: figures.attributedOrders,
      revenue: round(all.revenue, 2),
      shopOrders: figures.shopOrders,
      shopRevenue: round(figures.shopRevenue, 2),
    },
    currency: figures.currencies.size === 1 ? [...figures.currencies][0]! : null,
  };
}
