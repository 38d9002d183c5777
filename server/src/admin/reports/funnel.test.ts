import { describe, expect, test } from 'vitest';
import type { FunnelReport } from './funnel.ts';
import { addToCart, DAY, MIN, pageView, purchase, reportsApp, view } from './test-support.ts';

describe('GET /admin/api/reports/funnel', () => {
  test('stages now, the flows of the period and the loyalty funnel of the people first seen in it', async () => {
    const t = await reportsApp(); // 2026-11-23 12:00 UTC
    await t.send('browser', [pageView()]); // never interested: potential
    await t.send('quitter', [view(), addToCart()]); // leaves a cart: here_and_now → at_risk → dormant
    await t.send('buyer', [view()]);
    await t.advance(MIN);
    await t.send('buyer', [purchase('T1', 40)], 'buyer-session');
    await t.advance(MIN);
    // sessions end: the quitter is at_risk, the buyer (one order, seen lately) potential
    await t.advance(31 * MIN);
    // 7 days later the quitter goes dormant; the buyer comes back and orders again: two orders, loyal
    await t.advance(7 * DAY);
    await t.send('buyer', [view(), purchase('T2', 25)]);
    await t.advance(MIN);
    await t.advance(31 * MIN);

    const r = await t.report<FunnelReport & { currency: string; from: string; to: string }>('/admin/api/reports/funnel?from=2026-11-01&to=2026-12-31');
    expect(r.currency).toBe('EUR');
    expect(r.stages).toEqual({ potential: 1, here_and_now: 0, at_risk: 0, dormant: 1, loyal: 1 });
    expect(r.flows).toEqual([
      { from: null, to: 'here_and_now', count: 2 },
      { from: 'here_and_now', to: 'potential', count: 1 }, // the buyer after the first session
      { from: null, to: 'potential', count: 1 },
      { from: 'at_risk', to: 'dormant', count: 1 },
      { from: 'here_and_now', to: 'at_risk', count: 1 },
      { from: 'here_and_now', to: 'loyal', count: 1 },
      { from: 'potential', to: 'here_and_now', count: 1 },
    ].sort((a, b) => b.count - a.count || String(a.from ?? '').localeCompare(String(b.from ?? '')) || a.to.localeCompare(b.to)));
    expect(r.loyalty).toEqual([
      { step: 'visitors', people: 3, conversion: null, dormant: 0 },
      { step: 'engaged', people: 2, conversion: 2 / 3, dormant: 1 }, // the quitter
      { step: 'first_order', people: 1, conversion: 0.5, dormant: 0 },
      { step: 'repeat', people: 1, conversion: 1, dormant: 0 },
      { step: 'loyal', people: 1, conversion: 1, dormant: 0 },
    ]);

    // a period of other days: nobody first seen, no flows; the stages now are the same
    const before = await t.report<FunnelReport>('/admin/api/reports/funnel?from=2026-10-01&to=2026-11-01');
    expect(before.flows).toEqual([]);
    expect(before.loyalty.map((s) => s.people)).toEqual([0, 0, 0, 0, 0]);
    expect(before.stages).toEqual(r.stages);
    // only the last week: the flows of those days
    const late = await t.report<FunnelReport>('/admin/api/reports/funnel?from=2026-11-30&to=2026-12-02');
    expect(late.flows).toEqual([
      { from: 'at_risk', to: 'dormant', count: 1 },
      { from: 'here_and_now', to: 'loyal', count: 1 },
      { from: 'potential', to: 'here_and_now', count: 1 },
    ]);
  });

  test('bad queries are refused with 400', async () => {
    const t = await reportsApp();
    expect((await t.admin('/admin/api/reports/funnel?from=yesterday')).status).toBe(400);
    expect((await t.admin('/admin/api/reports/funnel?from=2026-11-02&to=2026-11-01')).status).toBe(400);
    expect((await t.admin(`/admin/api/reports/funnel?site=${'x'.repeat(65)}`)).status).toBe(400);
    expect((await t.admin('/admin/api/reports/funnel?site=nope')).status).toBe(404);
  });
});
