// GET /admin/api/reports/recommendations, as the Recommendations page reads it. Types only: the server's own.
import type { RecommendationPage } from '../../../recommend/report/breakdown.ts';
import type { ReportScope } from '../../api/types.ts';

/** one scenario on one page type */
export type PageTypeRow = RecommendationPage['scenarios'][number];

/** one scenario on one UTC day */
export type DayRow = RecommendationPage['days'][number];

/** the route's answer: the page's figures in the site's currency when the orders name none or several */
export interface RecommendationsReport extends ReportScope, Omit<RecommendationPage, 'currency'> {
  /** how long after a click a purchase of the clicked item is credited to the block */
  attributionWindowHours: number;
}
