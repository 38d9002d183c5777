// GET /admin/api/reports/recommendations, as the Recommendations page reads it (/work/notes/admin-contract.md).

interface Figures {
  impressions: number;
  clicks: number;
  /** orders holding an item credited to a click on the block */
  orders: number;
  /** attributed units sold */
  items: number;
  revenue: number;
}

/** one scenario on one page type */
export interface PageTypeRow extends Figures {
  scenario: string;
  pageType: string;
  ctr: number | null;
}

/** one scenario on one UTC day */
export interface DayRow extends Figures {
  day: string;
  scenario: string;
}

export interface RecommendationsReport {
  site: string;
  from: string;
  to: string;
  currency: string;
  /** how long after a click a purchase of the clicked item is credited to the block */
  attributionWindowHours: number;
  scenarios: PageTypeRow[];
  days: DayRow[];
  totals: { impressions: number; clicks: number; ctr: number | null; orders: number; revenue: number; shopOrders: number; shopRevenue: number };
}
