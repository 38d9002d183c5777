import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { adminAuth } from '../http/admin-auth.ts';
import { isoPeriod, periodFromQuery } from '../lifecycle/read/period.ts';
import { chooseSite } from '../lifecycle/read/site-choice.ts';
import { ATTRIBUTION_WINDOW_MS } from '../recommend/report/attribution.ts';
import { recommendationReport } from '../recommend/report/recommendation-report.ts';
import { siteQuery } from './admin-lifecycle.ts';

/** What the recommendation blocks earned, per scenario. Mounted under /admin/api. */
export function adminRecommendationRoutes(deps: AppDeps) {
  const { db, clock } = deps;
  return (
    new Hono()
      .use(adminAuth(deps.adminTokenHash))
      // GET /admin/api/recommendations/report?from=&to=&site= — impressions, clicks and attributed revenue per scenario
      .get('/recommendations/report', async (c) => {
        const period = periodFromQuery(c.req.query(), clock.now());
        const site = await chooseSite(db, siteQuery(c));
        const { scenarios, totals } = await recommendationReport(db, site.id, period);
        return c.json({
          site: site.id,
          ...isoPeriod(period),
          attribution_window_hours: ATTRIBUTION_WINDOW_MS / 3_600_000,
          scenarios,
          totals: {
            impressions: totals.impressions,
            clicks: totals.clicks,
            ctr: totals.impressions > 0 ? Math.round((totals.clicks / totals.impressions) * 1e4) / 1e4 : null,
            orders: totals.orders,
            revenue: totals.revenue,
            shop_orders: totals.orderCount,
            shop_revenue: totals.shopRevenue,
            currency: totals.currency,
          },
        });
      })
  );
}
