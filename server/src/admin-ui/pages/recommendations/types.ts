// GET /admin/api/reports/recommendations, as the Recommendations page reads it. Types only: the server's own.
import type { AttributionBreakdown } from '../../../recommend/report/attribution.ts';

export type PageTypeRow = AttributionBreakdown['byPageType'][number];
export type DayRow = AttributionBreakdown['byDay'][number];

export interface RecommendationsReport {
  site: string;
  from: string;
  to: string;
  currency: string;
  /** how long after a click a purchase of the clicked item is credited to the block */
  attributionWindowHours: number;
  /** per scenario and the page type its block was on */
  scenarios: PageTypeRow[];
  /** per UTC day and scenario */
  days: DayRow[];
  totals: { impressions: number; clicks: number; ctr: number | null; orders: number; revenue: number; shopOrders: number; shopRevenue: number };
}
