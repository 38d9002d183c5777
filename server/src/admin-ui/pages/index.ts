import type { ComponentType } from 'preact';
import type { PageName } from '../router/routes.ts';
import { CampaignsPage } from './campaigns/index.tsx';
import { CohortsPage } from './cohorts/index.tsx';
import { FunnelPage } from './funnel/index.tsx';
import { OverTimePage } from './over-time/index.tsx';
import { PeoplePage } from './people/index.tsx';
import { RecommendationsPage } from './recommendations/index.tsx';
import { ReviewsPage } from './reviews/index.tsx';
import { RfmPage } from './rfm/index.tsx';
import { SettingsPage } from './settings/index.tsx';
import type { PageProps } from './page-props.ts';

/** One component per route of the navigation. */
export const pages: Record<PageName, ComponentType<PageProps>> = {
  funnel: FunnelPage,
  'over-time': OverTimePage,
  cohorts: CohortsPage,
  rfm: RfmPage,
  people: PeoplePage,
  recommendations: RecommendationsPage,
  campaigns: CampaignsPage,
  reviews: ReviewsPage,
  settings: SettingsPage,
};
