import type { InStatement } from '@libsql/client';
import type { Db } from '../../db/client.ts';
import { utcDay, type Period } from '../../lifecycle/read/period.ts';
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

const floorDay = (ms: number) => Math.floor(ms / DAY) * DAY;

/**
 * The Recommendations page's figures for a period. Whole UTC days that are over come from the daily rollup
 * (rec_report_days / rec_report_daily), each computed the first time a report covers it, by the same one pass as
 * the recommendation report over that day (clicks of the day before count); today is kept there too, up to its
 * last full hour, and recomputed when that hour moves on. The rest (a partial first day, the current hour) is
 * computed live. A month costs ~30 rollup rows per scenario and page type, plus about an hour of events and the
 * day before's clicks.
 */
export async function periodFigures(db: Db, siteId: string, period: Period, now: number): Promise<PeriodFigures> {
  const pageTypeOf = await pageTypeClassifier(db, siteId);
  const settled = now - SETTLE_MS;
  const firstWhole = Math.ceil(period.from / DAY) * DAY;
  const endWhole = Math.max(firstWhole, Math.min(floorDay(period.to), floorDay(settled)));
  const out: PeriodFigures = { cells: [], shopOrders: 0, shopRevenue: 0, attributedOrders: 0, currencies: new Set() };
  if (firstWhole >= period.to) {
    add(out, await liveFigures(db, siteId, period, pageTypeOf));
    return out;
  }
  if (period.from < firstWhole) add(out, await liveFigures(db, siteId, { from: period.from, to: firstWhole }, pageTypeOf));
  const days: Array<{ from: number; to: number }> = [];
  for (let d = firstWhole; d < endWhole; d += DAY) days.push({ from: d, to: d + DAY });
  // today up to its last settled hour (a past day cut short by `to` is computed live, never stored half)
  const partialEnd = Math.min(period.to, Math.floor(settled / HOUR) * HOUR);
  if (endWhole === floorDay(settled) && endWhole < period.to && partialEnd > endWhole) days.push({ from: endWhole, to: partialEnd });
  add(out, await rollupFigures(db, siteId, days, now, pageTypeOf));
  const liveFrom = days.at(-1)?.to ?? firstWhole;
  if (liveFrom < period.to) add(out, await liveFigures(db, siteId, { from: liveFrom, to: period.to }, pageTypeOf));
  return out;
}

const HOUR = 3_600_000;

async function liveFigures(db: Db, siteId: string, period: Period, pageTypeOf: PageTypeOf): Promise<PeriodFigures> {
  const r = await recommendationReport(db, siteId, period, pageTypeOf, 'buyers');
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

/**
 * Days from the rollup, each [day start, to): a finished day (to = its end) or the start of one (to = an hour in
 * it). A stored day is used when it was read up to the same point (rec_report_days.computed_at holds that point:
 * for a finished day, when it was computed, after its end); others are computed and stored first.
 */
async function rollupFigures(db: Db, siteId: string, days: Period[], now: number, pageTypeOf: PageTypeOf): Promise<PeriodFigures> {
  const out: PeriodFigures = { cells: [], shopOrders: 0, shopRevenue: 0, attributedOrders: 0, currencies: new Set() };
  if (days.length === 0) return out;
  const [first, last] = [utcDay(days[0]!.from), utcDay(days.at(-1)!.from)];
  const stored = await db.client.execute({ sql: 'SELECT day, computed_at FROM rec_report_days WHERE site_id = ? AND day >= ? AND day <= ?', args: [siteId, first, last] });
  const readUntil = new Map(stored.rows.map((r) => [String(r.day), Number(r.computed_at)]));
  for (const d of days) {
    const until = readUntil.get(utcDay(d.from));
    const finished = d.to - d.from === DAY;
    if (until !== undefined && (finished ? until >= d.to : until === d.to)) continue;
    const f = await liveFigures(db, siteId, d, pageTypeOf);
    await db.write.run(rollupWrites(siteId, utcDay(d.from), f, finished ? now : d.to));
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
  return out;
}

/** One day's rows, replacing any a concurrent report wrote (both computed the same figures). */
function rollupWrites(siteId: string, day: string, f: PeriodFigures, readUntil: number): InStatement[] {
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
      args: [siteId, day, f.shopOrders, f.shopRevenue, f.attributedOrders, JSON.stringify([...f.currencies]), readUntil],
    },
  ];
}
