// The shapes the admin API answers, as the page reads them (/work/notes/admin-contract.md). Types only: erased from
// the bundle; where the server has the type already it is imported, so the two cannot drift apart.
import type { Stage } from '../../lifecycle/stages.ts';
import type { LifecycleSettings } from '../../lifecycle/settings.ts';
import type { StageCounts } from '../../lifecycle/read/stage-counts.ts';

export type { LifecycleSettings, Stage, StageCounts };

/** One site as GET /admin/api/sites lists it. */
export interface SiteSummary {
  id: string;
  name: string;
  publicKey: string;
  origins?: string[];
}

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
export type LoyaltyStep = 'visitors' | 'engaged' | 'first_order' | 'repeat' | 'loyal';
export interface FunnelReport extends ReportScope {
  stages: StageCounts;
  flows: Array<{ from: Stage | null; to: Stage; count: number }>;
  loyalty: Array<{ step: LoyaltyStep; people: number; conversion: number | null; dormant: number }>;
}

// GET /admin/api/reports/over-time
export interface OverTimeDay {
  day: string;
  /** null on a day without a snapshot (the server was not running) */
  stages: StageCounts | null;
  newBuyers: number;
  orders: number;
  repeatOrders: number;
  repeatRate: number | null;
  revenue: number;
  revenueByStage: StageCounts;
}
export interface OverTimeReport extends ReportScope {
  days: OverTimeDay[];
}

// GET /admin/api/reports/cohorts
export interface Bucket {
  min: number;
  max: number;
  people: number;
}
export interface CohortsReport {
  site: string;
  fromMonth?: string;
  toMonth?: string;
  currency: string;
  /** repeat[k]: share of the cohort's buyers who ordered in month k after the first; null where month k has not begun */
  cohorts: Array<{ month: string; buyers: number; repeat: Array<number | null> }>;
  clv: Bucket[];
  alive: Bucket[];
  /** buyers the distributions describe, and how many were valued (a uniform sample when fewer) */
  buyers?: number;
  sampled?: number;
}

// GET /admin/api/reports/rfm and /rfm/people
export interface RfmReport {
  site: string;
  currency: string;
  recency: string[];
  frequency: string[];
  cells: Array<{ r: number; f: number; people: number; revenue: number }>;
}
export interface RfmPerson {
  profileId: string;
  customerId: string | null;
  lastOrderAt: string | null;
  orders: number;
  revenue: number;
}
export interface RfmPeople {
  people: RfmPerson[];
  next: string | null;
}

// GET /admin/api/people?q= and /people/:profileId
export interface PersonHit {
  profileId: string;
  customerId: string | null;
  visitorIds: string[];
  stage: Stage | null;
  lastSeenAt: string | null;
}
export interface EventItem {
  itemId: string;
  name: string | null;
  price: number | null;
  quantity: number | null;
}
export interface PersonDetail {
  person: {
    profileId: string;
    customerId: string | null;
    visitorIds: string[];
    stage: Stage | null;
    stageSince: string | null;
    rule: string | null;
    reason: string | null;
    firstSeenAt: string | null;
    lastEventAt: string | null;
    orders: number;
    revenue: number;
    clv: number | null;
    alive: number | null;
    currency?: string;
  };
  events: Array<{ at: string; name: string; url: string | null; items: EventItem[]; value: number | null; visitorId?: string }>;
  transitions: Array<{ at: string; from: Stage | null; to: Stage; rule: string | null; reason: string | null }>;
  messages: Array<{ at: string; campaign: string; status: string; reason: string | null; holdout?: boolean; title?: string | null }>;
  reviews: Array<{ at: string; itemId: string; rating: number; status: string; title?: string | null; text: string | null }>;
  recClicks: Array<{ at: string; itemId: string; scenario: string | null }>;
}

export interface StagePreview {
  site: string;
  settings: LifecycleSettings;
  current: StageCounts;
  preview: StageCounts;
}

export interface SiteSettings {
  site: string;
  lifecycle: LifecycleSettings;
  [section: string]: unknown;
}

/** The one error shape of the API; `details.issues` names the fields of a refused body. */
export interface ErrorBody {
  error: { code: string; message: string; details?: { issues?: Array<{ path: string; message: string }> } };
}
