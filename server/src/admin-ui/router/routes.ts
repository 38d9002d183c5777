/** The app's pages, in the order of the navigation. `#/<name>` opens one; `#/people/<profileId>` one person. */
export const pageNames = ['funnel', 'over-time', 'cohorts', 'rfm', 'people', 'recommendations', 'campaigns', 'reviews', 'settings'] as const;
export type PageName = (typeof pageNames)[number];

/** Pages shown without a session. */
export const publicPages = ['login', 'set-password'] as const;
export type PublicPageName = (typeof publicPages)[number];

export type RouteName = PageName | PublicPageName;

export const pageLabel: Record<PageName, string> = {
  funnel: 'Funnel',
  'over-time': 'Over time',
  cohorts: 'Cohorts',
  rfm: 'RFM',
  people: 'People',
  recommendations: 'Recommendations',
  campaigns: 'Campaigns',
  reviews: 'Reviews',
  settings: 'Settings',
};

export const defaultPage: PageName = 'funnel';
