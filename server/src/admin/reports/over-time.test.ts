import { describe, expect, test } from 'vitest';
import type { OverTimeDay } from './over-time.ts';
import { DAY, MIN, purchase, reportsApp, view } from './test-support.ts';

const zero = { potential: 0, here_and_now: 0, at_risk: 0, dormant: 0, loyal: 0 };

describe('GET /admin/api/reports/over-time', () => {
  test('per day: stage snapshots, new buyers, orders, repeat rate and revenue by the stage at order time', async () => {
    const t = await reportsApp(); // 2026-11-23 12:00 UTC
    // day 1: two new buyers, each looking first (here_and_now when the order arrives)
    await t.send('ann', [view()], 'ann-1');
    await t.send('bob', [view()], 'bob-1');
    await t.advance(MIN);
    await t.send('ann', [purchase('A1', 30)], 'ann-1');
    await t.send('bob', [purchase('B1', 12.5)], 'bob-1');
    await t.advance(MIN);
    await t.deps.maintenance.snapshotDaily(t.site.id, t.clock.now());
    // day 2: ann back after her session ended (potential), view and order in one batch: counted under potential;
    // a reloaded confirmation page (the same transaction id) is no second order
    await t.advance(DAY);
    await t.send('ann', [view(), purchase('A2', 20), purchase('A2', 20)]);
    await t.advance(MIN);
    // the shop refunds 10 of bob's first order (server-written, as the Shopify webhook does)
    await t.refund('bob', 'B1', 10);
    await t.advance(MIN);
    // day 3: nothing happens, and no snapshot is taken
    await t.advance(DAY);

    const r = await t.report<{ currency: string; days: OverTimeDay[] }>('/admin/api/reports/over-time?from=2026-11-23&to=2026-11-26');
    expect(r.days.map((d) => d.day)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
    const [d1, d2, d3] = r.days;
    expect(d1).toEqual({
      day: '2026-11-23',
      stages: { ...zero, here_and_now: 2 },
      newBuyers: 2,
      orders: 2,
      repeatOrders: 0,
      repeatRate: 0,
      revenue: 32.5, // bob's 12.5 less the 10 refunded later
      revenueByStage: { ...zero, here_and_now: 32.5 },
    });
    expect(d2).toEqual({ day: '2026-11-24', stages: null, newBuyers: 0, orders: 1, repeatOrders: 1, repeatRate: 1, revenue: 20, revenueByStage: { ...zero, potential: 20 } });
    expect(d3).toMatchObject({ stages: null, orders: 0, repeatRate: null, revenue: 0 });
  });

  test('a cancelled order leaves the day it was counted on', async () => {
    const t = await reportsApp();
    await t.send('cat', [view(), purchase('C1', 50)]);
    await t.advance(MIN);
    const before = await t.report<{ days: OverTimeDay[] }>('/admin/api/reports/over-time?from=2026-11-23&to=2026-11-24');
    expect(before.days[0]).toMatchObject({ orders: 1, newBuyers: 1, revenue: 50 });
    // GA4's full refund: no value, no items — the order no longer counts
    await t.refund('cat', 'C1');
    await t.advance(MIN);
    const after = await t.report<{ days: OverTimeDay[] }>('/admin/api/reports/over-time?from=2026-11-23&to=2026-11-24');
    expect(after.days[0]).toMatchObject({ orders: 0, newBuyers: 0, revenue: 0, revenueByStage: zero });
  });
});
