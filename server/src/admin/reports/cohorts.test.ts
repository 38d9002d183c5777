import { describe, expect, test } from 'vitest';
import { buyerDistributions } from './buyer-distributions.ts';
import type { Bucket } from './buyer-distributions.ts';
import type { Cohort } from './cohorts.ts';
import { readSiteModel } from '../../lifecycle/buyer-models.ts';
import { DAY, MIN, purchase, reportsApp, view } from './test-support.ts';

type CohortsBody = { currency: string; cohorts: Cohort[]; clv: Bucket[]; alive: Bucket[]; buyers: number; sampled: number };

/** Orders on the given days after 2026-11-23 12:00 (the test clock's start), each day's in one visit. */
async function ordersOn(plan: Array<[day: number, vid: string, orderId: string, value: number]>) {
  const t = await reportsApp();
  let day = 0;
  for (const [d, vid, id, value] of plan) {
    if (d > day) await t.advance((d - day) * DAY);
    day = d;
    await t.send(vid, [view(), purchase(id, value)]);
    await t.advance(MIN);
  }
  return t;
}

// ann: Nov 23 and 25 (twice in her first month), Jan 5 (month 2); bob: Nov 24, Dec 3 (month 1); cy: Dec 10
const plan: Array<[number, string, string, number]> = [
  [0, 'ann', 'A1', 10],
  [1, 'bob', 'B1', 20],
  [2, 'ann', 'A2', 30],
  [10, 'bob', 'B2', 40],
  [17, 'cy', 'C1', 50],
  [43, 'ann', 'A3', 60],
];

describe('GET /admin/api/reports/cohorts', () => {
  test('first-order month × months since: the share of each cohort that ordered again', async () => {
    const t = await ordersOn(plan); // now: 2027-01-05
    const r = await t.report<CohortsBody>('/admin/api/reports/cohorts');
    expect(r.cohorts).toEqual([
      { month: '2026-11', buyers: 2, repeat: [0.5, 0.5, 0.5] },
      { month: '2026-12', buyers: 1, repeat: [0, 0, null] }, // month 2 of December's cohort has not begun
    ]);
    // no fitted model yet (fewer repeat buyers than the model needs): no distributions, said by empty lists
    expect(r).toMatchObject({ clv: [], alive: [], buyers: 3, sampled: 0 });
    expect(r.currency).toBe('GBP'); // three visitors reported the mug's price in GBP: the catalog trusts it
    // a period names the cohorts: December's alone
    const dec = await t.report<CohortsBody>('/admin/api/reports/cohorts?from=2026-12-01&to=2027-01-01');
    expect(dec.cohorts.map((c) => c.month)).toEqual(['2026-12']);
  });

  test('CLV and P(alive) of every buyer, bucketed, from the fitted models; a bounded sample scales to all', async () => {
    const t = await ordersOn(plan);
    // a fitted model as the daily refit stores it (CDNOW's published BG/NBD in days, Gamma-Gamma)
    const params = { bgNbd: { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 }, gammaGamma: { p: 6.25, q: 3.74, v: 15.44 }, rfmBreaks: null };
    await t.db.client.execute({ sql: `INSERT INTO buyer_models (site_id, fitted_at, repeat_buyers, params, note) VALUES (?, ?, 2, ?, 'test')`, args: [t.site.id, t.clock.now(), JSON.stringify(params)] });
    const r = await t.report<CohortsBody>('/admin/api/reports/cohorts');
    // each buyer's own figures, as the visitor view computes them
    const values = await Promise.all(['ann', 'bob', 'cy'].map(async (v) => (await t.admin<{ buyer: { pAlive: number; clv12Months: number } }>(`/admin/api/visitors/${v}`)).body.buyer));
    const where = (buckets: Bucket[], v: number) => buckets.findIndex((b, i) => v >= b.min && (v < b.max || (i === buckets.length - 1 && v <= b.max)));
    const expected = (buckets: Bucket[], of: (b: (typeof values)[number]) => number) => buckets.map((_, i) => values.filter((v) => where(buckets, of(v)) === i).length);
    expect(r.alive.map((b) => [b.min, b.max])).toEqual(Array.from({ length: 10 }, (_, i) => [i / 10, (i + 1) / 10]));
    expect(r.alive.map((b) => b.people)).toEqual(expected(r.alive, (v) => v.pAlive));
    expect(r.clv.map((b) => b.people)).toEqual(expected(r.clv, (v) => v.clv12Months));
    expect(r.clv.reduce((n, b) => n + b.people, 0)).toBe(3);
    expect(r.clv[0]!.min).toBe(0);
    expect(r.clv.at(-1)!.max).toBeGreaterThanOrEqual(Math.max(...values.map((v) => v.clv12Months)));
    expect(r).toMatchObject({ buyers: 3, sampled: 3 });

    // reading two buyers of three: each counts for 1.5
    const sampled = await buyerDistributions(t.db, t.site.id, await readSiteModel(t.db, t.site.id), t.clock.now(), 2);
    expect(sampled).toMatchObject({ buyers: 3, sampled: 2 });
    expect(sampled.alive.reduce((n, b) => n + b.people, 0)).toBeGreaterThanOrEqual(2);
    expect(sampled.alive.reduce((n, b) => n + b.people, 0)).toBeLessThanOrEqual(4);
  });
});
