import { describe, expect, test } from 'vitest';
import type { Db } from '../../../db/client.ts';
import { ADMIN_TOKEN } from '../../../../test/helpers.ts';
import { rollupBackfill } from './backfill.ts';
import { addToCart, DAY, identify, MIN, pageView, purchase, reportsApp, view } from '../test-support.ts';

const AGGREGATES = {
  report_flow_daily: 'SELECT site_id, day, from_stage, to_stage, count AS n FROM report_flow_daily WHERE count <> 0',
  report_loyalty_daily: 'SELECT site_id, day, top_step, churned, people AS n FROM report_loyalty_daily WHERE people <> 0',
  // summed over stages: see the backfill test
  report_orders_daily: 'SELECT site_id, day, sum(orders) AS n, sum(first_orders) AS first_orders, round(sum(revenue), 6) AS revenue FROM report_orders_daily GROUP BY site_id, day HAVING n <> 0',
  report_cohorts: 'SELECT site_id, cohort_month, repeat_mask, buyers AS n FROM report_cohorts WHERE buyers <> 0',
  report_rfm_daily: 'SELECT site_id, day, orders, people AS n, round(revenue, 6) AS revenue FROM report_rfm_daily WHERE people <> 0',
};
const ROWS = {
  report_people: 'SELECT * FROM report_people',
  report_orders: 'SELECT site_id, profile_id, order_id, at, value, first FROM report_orders',
  report_buyers: 'SELECT site_id, profile_id, orders, first_order_at, last_order_at, revenue, cohort_month, repeat_mask FROM report_buyers',
};

async function dump(db: Db, queries: Record<string, string>) {
  const out: Record<string, unknown[]> = {};
  for (const [table, sql] of Object.entries(queries)) {
    const rs = await db.client.execute(`${sql} ORDER BY 1, 2, 3, 4`);
    out[table] = rs.rows.map((r) => ({ ...r }));
  }
  return out;
}

/** A small shop's month: browsers, a cart left, buyers once and again, a customer on two devices, a refund. */
async function shopMonth() {
  const t = await reportsApp();
  await t.send('browser', [pageView()]);
  await t.send('quitter', [view(), addToCart()]);
  await t.send('phone', [view(), purchase('P1', 30)]);
  await t.advance(MIN);
  await t.advance(40 * MIN);
  await t.send('laptop', [view(), purchase('L1', 15)]);
  await t.advance(MIN);
  await t.advance(8 * DAY); // the quitter goes dormant
  await t.send('phone', [identify('cust-1'), view()]);
  await t.send('laptop', [identify('cust-1'), purchase('L2', 22.5)]);
  await t.advance(MIN);
  await t.advance(40 * MIN);
  await t.refund('laptop', 'P1', 5);
  await t.advance(MIN);
  await t.send('late', [view(), purchase('X1', 9)]);
  await t.advance(MIN);
  return t;
}

describe('report rollups', () => {
  test('a customer absorbing two buying devices is one buyer with both orders, counted once', async () => {
    const t = await shopMonth();
    const buyers = await t.db.client.execute(`SELECT profile_id, orders, revenue, repeat_mask FROM report_buyers ORDER BY profile_id`);
    expect(buyers.rows.map((r) => ({ ...r }))).toEqual([
      { profile_id: 'c:cust-1', orders: 3, revenue: 30 - 5 + 15 + 22.5, repeat_mask: 3 }, // two orders in November (bit 0), one in December (bit 1)
      { profile_id: 'v:late', orders: 1, revenue: 9, repeat_mask: 0 },
    ]);
    const orders = await t.db.client.execute(`SELECT order_id, first, value, stage FROM report_orders WHERE profile_id = 'c:cust-1' ORDER BY at`);
    expect(orders.rows.map((r) => ({ ...r }))).toEqual([
      { order_id: 'P1', first: 1, value: 25, stage: 'potential' }, // bought in the visit's first batch: not classified yet
      { order_id: 'L1', first: 0, value: 15, stage: 'potential' },
      { order_id: 'L2', first: 0, value: 22.5, stage: 'potential' }, // the laptop had been potential since its session ended
    ]);
    // the device rows are gone: four people were first seen, not five
    const funnel = await t.report<{ loyalty: Array<{ people: number }> }>('/admin/api/reports/funnel?from=2026-11-01&to=2027-01-01');
    expect(funnel.loyalty.map((s) => s.people)).toEqual([4, 3, 2, 1, 1]);
  });

  // Exactly, but for the stage an order arrived in: the backfill reads it from the person's history, and a
  // customer's history holds every device's changes (the phone was here_and_now when the laptop bought).
  test('the migration backfill rebuilds what the hook kept', async () => {
    const t = await shopMonth();
    const kept = { ...(await dump(t.db, AGGREGATES)), ...(await dump(t.db, ROWS)) };
    expect(kept.report_orders_daily!.length).toBeGreaterThan(0);
    await t.db.write.run(['DELETE FROM report_people', 'DELETE FROM report_orders', 'DELETE FROM report_buyers', ...Object.keys(AGGREGATES).map((a) => `DELETE FROM ${a}`)]);
    expect(await dump(t.db, AGGREGATES)).toEqual(Object.fromEntries(Object.keys(AGGREGATES).map((k) => [k, []])));
    const backfill = rollupBackfill();
    expect(backfill).toHaveLength(4);
    await t.db.write.run(backfill);
    expect({ ...(await dump(t.db, AGGREGATES)), ...(await dump(t.db, ROWS)) }).toEqual(kept);
  });

  test('erasing a customer takes them off every report', async () => {
    const t = await shopMonth();
    const res = await t.app.request('/admin/api/customers/cust-1', { method: 'DELETE', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    const funnel = await t.report<{ flows: Array<{ count: number }>; loyalty: Array<{ people: number }> }>('/admin/api/reports/funnel?from=2026-11-01&to=2027-01-01');
    expect(funnel.loyalty.map((s) => s.people)).toEqual([3, 2, 1, 0, 0]); // browser, quitter, late
    // browser 1, quitter 3 (first, at_risk, dormant), late 1: the customer's changes are gone
    expect(funnel.flows.reduce((n, f) => n + f.count, 0)).toBe(5);
    const cohorts = await t.report<{ cohorts: Array<{ buyers: number }> }>('/admin/api/reports/cohorts');
    expect(cohorts.cohorts.map((c) => c.buyers)).toEqual([1]);
    const overTime = await t.report<{ days: Array<{ orders: number; revenue: number }> }>('/admin/api/reports/over-time?from=2026-11-01&to=2027-01-01');
    expect(overTime.days.reduce((n, d) => n + d.orders, 0)).toBe(1);
    expect(overTime.days.reduce((n, d) => n + d.revenue, 0)).toBe(9);
  });
});
