// The shapes the admin API answers, as the page reads them (/work/notes/admin-contract.md). Types only: erased from
// the bundle. Every answer is the server's own type, plus the envelope its route adds, so the two cannot drift apart.
import type { PersonTimeline } from '../../admin/people/person-timeline.ts';
import type { PersonMatch } from '../../admin/people/search-people.ts';
import type { Bucket, BuyerDistributions } from '../../admin/reports/buyer-distributions.ts';
import type { Cohort } from '../../admin/reports/cohorts.ts';
import type { FunnelReport as Funnel, LoyaltyStep } from '../../admin/reports/funnel.ts';
import type { OverTimeDay } from '../../admin/reports/over-time.ts';
import type { RfmCell, RfmPerson } from '../../admin/reports/rfm.ts';
import type { Site } from '../../db/schema/sites.ts';
import type { StageCounts } from '../../lifecycle/read/stage-counts.ts';
import type { StagePreview as StagesUnder } from '../../lifecycle/read/stage-preview.ts';
import type { LifecycleSettings } from '../../lifecycle/settings.ts';
import type { Stage } from '../../lifecycle/stages.ts';

export type { Bucket, Cohort, LifecycleSettings, LoyaltyStep, OverTimeDay, PersonMatch, PersonTimeline, RfmPerson, Site, Stage, StageCounts };

export interface Session {
  user: { email: string };
  csrfToken: string;
}

/** What every report over a period carries. */
export interface ReportScope {
  site: string;
  from: string;
  to: string;
  currency: string;
}

// GET /admin/api/reports/funnel
export type FunnelReport = ReportScope & Funnel;

// GET /admin/api/reports/over-time
export interface OverTimeReport extends ReportScope {
  days: OverTimeDay[];
}

// GET /admin/api/reports/cohorts
export interface CohortsReport extends BuyerDistributions {
  site: string;
  fromMonth: string;
  toMonth: string;
  currency: string;
  cohorts: Cohort[];
}

// GET /admin/api/reports/rfm and /rfm/people
export interface RfmReport {
  site: string;
  currency: string;
  recency: string[];
  frequency: string[];
  cells: RfmCell[];
}
export interface RfmPeople {
  people: RfmPerson[];
  next: string | null;
}

// POST /admin/api/stages/preview
export interface StagePreview extends StagesUnder {
  site: string;
  settings: LifecycleSettings;
}

/** The one error shape of the API; `details.issues` names the fields of a refused body. */
export interface ErrorBody {
  error: { code: string; message: string; details?: { issues?: Array<{ path: string; message: string }> } };
}
