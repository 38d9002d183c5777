import type { DayRow, PageTypeRow } from './types.ts';

export interface Figures {
  impressions: number;
  clicks: number;
  /** clicks per impression, null before the first impression */
  ctr: number | null;
  orders: number;
  revenue: number;
}

export type Metric = 'impressions' | 'clicks' | 'orders' | 'revenue';

const ctrOf = (clicks: number, impressions: number) => (impressions > 0 ? clicks / impressions : null);
const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * The per scenario × page type rows summed by one of the two keys, biggest revenue first (then clicks, then name).
 * CTR is worked out again from the sums: an average of ratios would weigh a page with 3 impressions like one with 3,000.
 */
export function sumBy(rows: readonly PageTypeRow[], key: 'scenario' | 'pageType'): Array<Figures & { key: string }> {
  const out = new Map<string, { impressions: number; clicks: number; orders: number; revenue: number }>();
  for (const r of rows) {
    const f = out.get(r[key]) ?? { impressions: 0, clicks: 0, orders: 0, revenue: 0 };
    f.impressions += r.impressions;
    f.clicks += r.clicks;
    f.orders += r.orders;
    f.revenue += r.revenue;
    out.set(r[key], f);
  }
  return [...out]
    .map(([k, f]) => ({ key: k, ...f, revenue: cents(f.revenue), ctr: ctrOf(f.clicks, f.impressions) }))
    .sort((a, b) => b.revenue - a.revenue || b.clicks - a.clicks || (a.key < b.key ? -1 : 1));
}

/** Every UTC day the half-open period [from, to) touches, as 'YYYY-MM-DD' (at most `max`: a chart of years is no use). */
export function daysOf(from: string, to: string, max = 400): string[] {
  const start = Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  const end = Date.parse(to);
  const days: string[] = [];
  if (Number.isNaN(start) || Number.isNaN(end)) return days;
  for (let t = start; t < end && days.length < max; t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

export interface DailySeries {
  days: string[];
  /** scenarios, biggest total of the metric first */
  scenarios: string[];
  /** values[s][d]: the metric of scenarios[s] on days[d]; 0 on a day without any */
  values: number[][];
}

/** The per-day rows as one series per scenario over every day of the period, for the chart and its table. */
export function dailySeries(rows: readonly DayRow[], days: readonly string[], metric: Metric): DailySeries {
  const index = new Map(days.map((d, i) => [d, i]));
  const byScenario = new Map<string, number[]>();
  for (const r of rows) {
    const i = index.get(r.day);
    if (i === undefined) continue;
    const values = byScenario.get(r.scenario) ?? days.map(() => 0);
    values[i]! += r[metric];
    byScenario.set(r.scenario, values);
  }
  const total = (v: number[]) => v.reduce((a, b) => a + b, 0);
  const scenarios = [...byScenario.keys()].sort((a, b) => total(byScenario.get(b)!) - total(byScenario.get(a)!) || (a < b ? -1 : 1));
  return { days: [...days], scenarios, values: scenarios.map((s) => byScenario.get(s)!.map(metric === 'revenue' ? cents : (n) => n)) };
}
