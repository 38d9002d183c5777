import type { InStatement } from '@libsql/client';
import type { Db } from '../../db/client.ts';
import type { Period } from '../../lifecycle/read/period.ts';
import type { BreakdownCell } from './attribution.ts';
import { pageTypeClassifier, type PageTypeOf } from './page-type.ts';
import { recommendationReport } from './recommendation-report.ts';

const DAY = 86_400_000;
/** a day is final this long after it ends: the writer's queue has flushed every event received in it */
export const SETTLE_MS = 5 * 60_000;

/** What a period's figures add up from: cells per day, scenario and page type, and the orders' totals. */
export interface PeriodFigures {
  cells: BreakdownCell[];
  shopOrders: number;
  shopRevenue: number;
  attributedOrders: number;
  currencies: Set<string>;
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const floorDay = (ms: number) => Math.floor(ms / DAY) * DAY;

/**
 * The Recommendations page's figures for a period. Whole UTC days that are over come from the daily rollup
 * (rec_report_days / rec_report_daily), each computed the first time a report covers it, by the same one pass as
 * the recommendation report over that day (clicks from the day before count); the period's unfinished edges
 * (a partial first day, today) are computed live. A month costs ~30 rollup rows per scenario and page type, plus
 * at most two days of events.
 */
export async function periodFigures(db: Db, siteId: string, period: Period, now: number): Promise<PeriodFigures> {
  const pageTypeOf = await pageTypeClassifier(db, siteId);
  const firstWhole = Math.ceil(period.from / DAY) * DAY;
  const endWhole = Math.max(firstWhole, Math.min(floorDay(period.to), floorDay(now - SETTLE_MS)));
  const out: PeriodFigures = { cells: [], shopOrders: 0, shopRevenue: 0, attributedOrders: 0, currencies: new Set() };
  const live: Period[] = [];
  if (firstWhole >= endWhole) live.push(period);
  else {
    if (period.from < firstWhole) live.push({ from: period.from, to: firstWhole });
    if (endWhole < period.to) live.push({ from: endWhole, to: period.to });
    await addRollup(db, siteId, { from: firstWhole, to: endWhole }, now, pageTypeOf, out);
  }
  for (const p of live) add(out, await liveFigures(db, siteId, p, pageTypeOf));
  return out;
}

async function liveFigures(db: Db, siteId: string, period: Period, pageTypeOf: PageTypeOf): Promise<PeriodFigures> {
  const r = await recommendationReport(db, siteId, period, pageTypeOf);
  return {
    cells: r.breakdown,
    shopOrders: r.totals.orderCount,
    shopRevenue: r.totals.shopRevenue,
    attributedOrders: r.totals.orders,
    currencies: new Set(r.totals.currencies),
  };
}

function add(to: PeriodFigures, f: PeriodFigures): void {
  to.cells.push(...f.cells);
  to.shopOrders += f.shopOrders;
  to.shopRevenue += f.shopRevenue;
  to.attributedOrders += f.attributedOrders;
  for (const c of f.currencies) to.currencies.add(c);
}

/** The whole days [from, to): computes and stores the missing ones, then reads them all. */
async function addRollup(db: Db, siteId: string, days: Period, now: number, pageTypeOf: PageTypeOf, out: PeriodFigures): Promise<void> {
  const [first, last] = [dayOf(days.from), dayOf(days.to - 1)];
  const stored = await db.client.execute({ sql: 'SELECT day FROM rec_report_days WHERE site_id = ? AND day >= ? AND day <= ?', args: [siteId, first, last] });
  const have = new Set(stored.rows.map((r) => String(r.day)));
  for (let d = days.from; d < days.to; d += DAY) {
    if (have.has(dayOf(d))) continue;
    const f = await liveFigures(db, siteId, { from: d, to: d + DAY }, pageTypeOf);
    await db.write.run(rollupWrites(siteId, dayOf(d), f, now));
  }
  const [totals, cells] = await db.client.batch(
    [
      { sql: 'SELECT shop_orders, shop_revenue, attributed_orders, currencies FROM rec_report_days WHERE site_id = ? AND day >= ? AND day <= ?', args: [siteId, first, last] },
      { sql: 'SELECT day, scenario, page_type, impressions, clicks, orders, items, revenue FROM rec_report_daily WHERE site_id = ? AND day >= ? AND day <= ?', args: [siteId, first, last] },
    ],
    'read',
  );
  for (const r of totals!.rows) {
    out.shopOrders += Number(r.shop_orders);
    out.shopRevenue += Number(r.shop_revenue);
    out.attributedOrders += Number(r.attributed_orders);
    for (const c of JSON.parse(String(r.currencies)) as string[]) out.currencies.add(c);
  }
  for (const r of cells!.rows) {
    out.cells.push({
      day: String(r.day),
      scenario: String(r.scenario),
      pageType: String(r.page_type),
      impressions: Number(r.impressions),
      clicks: Number(r.clicks),
      orders: Number(r.orders),
      items: Number(r.items),
      revenue: Number(r.revenue),
    });
  }
}

/** One day's rows, replacing any a concurrent report wrote (both computed the same figures). */
function rollupWrites(siteId: string, day: string, f: PeriodFigures, now: number): InStatement[] {
  return [
    { sql: 'DELETE FROM rec_report_daily WHERE site_id = ? AND day = ?', args: [siteId, day] },
    ...f.cells
      .filter((c) => c.day === day)
      .map((c) => ({
        sql: 'INSERT INTO rec_report_daily (site_id, day, scenario, page_type, impressions, clicks, orders, items, revenue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        args: [siteId, day, c.scenario, c.pageType, c.impressions, c.clicks, c.orders, c.items, c.revenue],
      })),
    {
      sql: `INSERT INTO rec_report_days (site_id, day, shop_orders, shop_revenue, attributed_orders, currencies, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (site_id, day) DO UPDATE SET shop_orders = excluded.shop_orders, shop_revenue = excluded.shop_revenue,
              attributed_orders = excluded.attributed_orders, currencies = excluded.currencies, computed_at = excluded.computed_at`,
      args: [siteId, day, f.shopOrders, f.shopRevenue, f.attributedOrders, JSON.stringify([...f.currencies]), now],
    },
  ];
}
