import type { Dataset } from './dataset.ts';

/**
 * The API calls each admin page makes when it opens, as the latency bench requests them (over real HTTP, bearer
 * token). `path` gets the data set so a page can name real ids: `d.sample` holds a visitor, a customer and a
 * profile that exist; the site is `bench` (the only one, so `site=` may be left out). Add a page's calls here.
 */
export interface PageCall {
  page: string;
  path: (d: Dataset) => string;
}

export const adminPages: PageCall[] = [
  { page: 'Funnel', path: () => '/admin/api/reports/funnel' },
  { page: 'Funnel (a year)', path: (d) => `/admin/api/reports/funnel?from=${day(d.now - 365 * DAY)}` },
  { page: 'Over time', path: () => '/admin/api/reports/over-time' },
  { page: 'Over time (a year)', path: (d) => `/admin/api/reports/over-time?from=${day(d.now - 365 * DAY)}` },
  { page: 'Cohorts', path: () => '/admin/api/reports/cohorts' },
  { page: 'RFM', path: () => '/admin/api/reports/rfm' },
  { page: 'RFM cell people', path: () => '/admin/api/reports/rfm/people?r=1&f=0&limit=50' },
  { page: 'People search', path: (d) => `/admin/api/people?q=${d.sample.visitorId.slice(0, 5)}` },
  { page: 'Person (customer)', path: (d) => `/admin/api/people/${encodeURIComponent(d.sample.profileId)}` },
  { page: 'Person (visitor)', path: (d) => `/admin/api/people/${encodeURIComponent(`v:${d.sample.visitorId}`)}` },
  { page: 'Recommendations', path: () => '/admin/api/reports/recommendations' },
  { page: 'Recommendations (a year)', path: (d) => `/admin/api/reports/recommendations?from=${day(d.now - 365 * DAY)}` },
  { page: 'Campaigns', path: () => '/admin/api/campaigns/report' },
  { page: 'Campaign messages', path: () => '/admin/api/messages?limit=100' },
  { page: 'Reviews: ratings', path: () => '/admin/api/reports/ratings' },
  { page: 'Settings: snippet', path: () => '/admin/api/sites/bench/snippet' },
];

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
