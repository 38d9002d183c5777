import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { parseQuery } from '../../http/parse-json-body.ts';
import { readSiteModel } from '../../lifecycle/buyer-models.ts';
import { isoPeriod } from '../../lifecycle/read/period.ts';
import { chooseSite } from '../../lifecycle/read/site-choice.ts';
import { reportScope, siteRef } from '../../routes/admin-query.ts';
import { badRequest } from '../../http/errors.ts';
import { buyerDistributions } from './buyer-distributions.ts';
import { cohortTable, monthsBefore } from './cohorts.ts';
import { funnelReport } from './funnel.ts';
import { overTimeReport } from './over-time.ts';
import { monthOfTime } from './rollups/repeat-mask.ts';
import { decodeCursor, frequencyBuckets, recencyBuckets, rfmGrid, rfmPeople } from './rfm.ts';
import { siteCurrency } from './site-currency.ts';

/** cohorts shown when the caller names no `from`: two years of first-order months */
const DEFAULT_COHORT_MONTHS = 24;

const index = (max: number) => z.string().regex(/^\d{1,2}$/, 'a whole number').transform(Number).pipe(z.number().max(max));
const rfmPeopleQuery = z.strictObject({
  site: siteRef.optional(),
  r: index(recencyBuckets.length - 1),
  f: index(frequencyBuckets.length - 1),
  limit: z.string().regex(/^\d{1,3}$/, 'a whole number').transform(Number).pipe(z.number().min(1).max(500)).optional(),
  after: z.string().max(400).optional(),
});

/**
 * The marketer's lifecycle reports (Funnel, Over time, Cohorts, RFM), read from the rollups the lifecycle
 * scheduler keeps (rollups/): each answer reads a bounded number of rows however many people the site has.
 * Mounted under /admin/api, behind the admin access check.
 */
export function adminReportRoutes(deps: AppDeps) {
  const { db, clock } = deps;
  return (
    new Hono()
      // GET /admin/api/reports/funnel?site=&from=&to= — stages now, flows and the loyalty funnel of the period's days
      .get('/reports/funnel', async (c) => {
        const { site, period } = await reportScope(c, deps);
        const [report, currency] = await Promise.all([funnelReport(db, site.id, period), siteCurrency(db, site.id)]);
        return c.json({ site: site.id, ...isoPeriod(period), currency, ...report });
      })
      // GET /admin/api/reports/over-time?site=&from=&to= — per UTC day: stages, new buyers, orders, repeat rate, revenue by stage
      .get('/reports/over-time', async (c) => {
        const { site, period } = await reportScope(c, deps);
        const [days, currency] = await Promise.all([overTimeReport(db, site.id, period), siteCurrency(db, site.id)]);
        return c.json({ site: site.id, ...isoPeriod(period), currency, days });
      })
      // GET /admin/api/reports/cohorts?site=&from=&to= — first-order months in the period (default: the last 24) × months since; CLV and P(alive) now
      .get('/reports/cohorts', async (c) => {
        const { site, period } = await reportScope(c, deps);
        const now = clock.now();
        const fromMonth = c.req.query('from') ? monthOfTime(period.from) : monthsBefore(period.to - 1, DEFAULT_COHORT_MONTHS - 1);
        const toMonth = monthOfTime(period.to - 1);
        const [cohorts, distributions, currency] = await Promise.all([
          cohortTable(db, site.id, fromMonth, toMonth, now),
          readSiteModel(db, site.id).then((model) => buyerDistributions(db, site.id, model, now)),
          siteCurrency(db, site.id),
        ]);
        const { clv, alive, sampled, buyers } = distributions;
        return c.json({ site: site.id, fromMonth, toMonth, currency, cohorts, clv, alive, buyers, sampled });
      })
      // GET /admin/api/reports/rfm?site= — recency × frequency: buyers and revenue per cell, as of now
      .get('/reports/rfm', async (c) => {
        const { site } = await reportScope(c, deps);
        const [cells, currency] = await Promise.all([rfmGrid(db, site.id, clock.now()), siteCurrency(db, site.id)]);
        return c.json({ site: site.id, currency, recency: recencyBuckets.map((b) => b.label), frequency: frequencyBuckets.map((b) => b.label), cells });
      })
      // GET /admin/api/reports/rfm/people?site=&r=&f=&limit=&after= — one cell's buyers, a page at a time
      .get('/reports/rfm/people', async (c) => {
        const q = parseQuery(c, rfmPeopleQuery);
        const site = await chooseSite(db, q.site);
        const after = q.after ? decodeCursor(q.after) : null;
        if (q.after && !after) throw badRequest('invalid query: after: not a cursor this endpoint gave');
        return c.json(await rfmPeople(db, site.id, q, clock.now(), q.limit ?? 50, after));
      })
  );
}
