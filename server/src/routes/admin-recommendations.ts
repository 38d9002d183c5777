import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { isoPeriod } from '../lifecycle/read/period.ts';
import { ATTRIBUTION_WINDOW_MS } from '../recommend/report/attribution.ts';
import { recommendationReport } from '../recommend/report/recommendation-report.ts';
import { reportScope } from './admin-query.ts';
import { siteCurrency } from '../admin/reports/site-currency.ts';
import { recommendationPage } from '../recommend/report/breakdown.ts';
import { periodFigures } from '../recommend/report/daily-rollup.ts';

/** What the recommendation blocks earned, per scenario. Mounted under /admin/api, behind the admin access check (admin/accounts/admin-access.ts: a session or the bearer token). */
export function adminRecommendationRoutes(deps: AppDeps) {
  return (
    new Hono()
      // GET /admin/api/recommendations/report?from=&to=&site= — impressions, clicks and attributed revenue per scenario
      .get('/recommendations/report', async (c) => {
        const { site, period } = await reportScope(c, deps);
        const { scenarios, totals } = await recommendationReport(deps.db, site.id, period);
        return c.json({
          site: site.id,
          ...isoPeriod(period),
          attribution_window_hours: ATTRIBUTION_WINDOW_MS / 3_600_000,
          scenarios,
          totals: {
            impressions: totals.impressions,
            clicks: totals.clicks,
            ctr: totals.ctr,
            orders: totals.orders,
            revenue: totals.revenue,
            shop_orders: totals.orderCount,
            shop_revenue: totals.shopRevenue,
            currency: totals.currency,
          },
        });
      })
      // GET /admin/api/reports/recommendations?from=&to=&site= — the Recommendations page: per scenario and page type, and per day
      .get('/reports/recommendations', async (c) => {
        const { site, period: asked } = await reportScope(c, deps);
        // with no `from`, the 30 days start at midnight UTC: whole days, all from the rollup
        const period = c.req.query('from') ? asked : { ...asked, from: Math.floor(asked.from / 86_400_000) * 86_400_000 };
        const page = recommendationPage(await periodFigures(deps.db, site.id, period, deps.clock.now()));
        return c.json({
          site: site.id,
          ...isoPeriod(period),
          // the orders' one currency; the catalog's is read only when they name none or several
          currency: page.currency ?? (await siteCurrency(deps.db, site.id)),
          attributionWindowHours: ATTRIBUTION_WINDOW_MS / 3_600_000,
          scenarios: page.scenarios,
          days: page.days,
          totals: page.totals,
        });
      })
  );
}
