import type { Db } from '../../db/client.ts';
import { daysOf, utcDay, type Period } from '../../lifecycle/read/period.ts';
import { isStage, zeroCounts, type StageCounts } from '../../lifecycle/read/stage-counts.ts';
import { money } from './money.ts';

export interface OverTimeDay {
  day: string;
  /** end-of-day people per stage; null on a day without a snapshot (the server was not running): zero would be a claim */
  stages: StageCounts | null;
  newBuyers: number;
  orders: number;
  repeatOrders: number;
  /** repeat orders / orders; null on a day without orders */
  repeatRate: number | null;
  revenue: number;
  /** revenue by the stage the buyer was in when the order arrived */
  revenueByStage: StageCounts;
}

const DAY = 86_400_000;
/** days answered at most: ten years of daily rows is still a small answer */
export const MAX_DAYS = 3660;

/** Every UTC day the period touches, oldest first, from the daily stage snapshots and the orders rollup. */
export async function overTimeReport(db: Db, siteId: string, period: Period): Promise<OverTimeDay[]> {
  const { first, last } = daysOf(period);
  const [snapshots, orders] = await Promise.all([
    db.client.execute({ sql: 'SELECT day, stage, count FROM stage_daily WHERE site_id = ? AND day >= ? AND day <= ?', args: [siteId, first, last] }),
    db.client.execute({
      sql: 'SELECT day, stage, orders, first_orders, revenue FROM report_orders_daily WHERE site_id = ? AND day >= ? AND day <= ?',
      args: [siteId, first, last],
    }),
  ]);
  const days = new Map<string, OverTimeDay>();
  for (let t = Date.parse(first), n = 0; t <= Date.parse(last) && n < MAX_DAYS; t += DAY, n++) {
    const day = utcDay(t);
    days.set(day, { day, stages: null, newBuyers: 0, orders: 0, repeatOrders: 0, repeatRate: null, revenue: 0, revenueByStage: zeroCounts() });
  }
  for (const r of snapshots.rows) {
    const d = days.get(String(r.day));
    if (!d || !isStage(r.stage)) continue;
    (d.stages ??= zeroCounts())[r.stage] = Number(r.count);
  }
  for (const r of orders.rows) {
    const d = days.get(String(r.day));
    if (!d || !isStage(r.stage)) continue;
    d.orders += Number(r.orders);
    d.newBuyers += Number(r.first_orders);
    d.revenue += Number(r.revenue);
    d.revenueByStage[r.stage] += Number(r.revenue);
  }
  return [...days.values()].map((d) => {
    const repeatOrders = d.orders - d.newBuyers;
    const revenueByStage = zeroCounts();
    for (const [stage, value] of Object.entries(d.revenueByStage)) revenueByStage[stage as keyof StageCounts] = money(value);
    return { ...d, repeatOrders, repeatRate: d.orders > 0 ? repeatOrders / d.orders : null, revenue: money(d.revenue), revenueByStage };
  });
}
