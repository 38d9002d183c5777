// The shapes the admin API answers, as the page reads them. Types only: they are erased from the bundle,
// and taken from the server's own modules so the two cannot drift apart.
import type { Stage } from '../../lifecycle/stages.ts';
import type { LifecycleSettings } from '../../lifecycle/settings.ts';
import type { DailyStageCounts } from '../../lifecycle/read/daily-stages.ts';
import type { StageCounts } from '../../lifecycle/read/stage-counts.ts';
import type { TransitionCount } from '../../lifecycle/read/transitions.ts';

export type { DailyStageCounts, LifecycleSettings, Stage, StageCounts, TransitionCount };

/** One site as GET /admin/api/sites lists it. */
export interface SiteSummary {
  id: string;
  name: string;
  publicKey: string;
}

export interface Funnel {
  site: string;
  from: string;
  to: string;
  stages: StageCounts;
  transitions: TransitionCount[];
}

export interface DailyStages {
  site: string;
  from: string;
  to: string;
  days: DailyStageCounts[];
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
}

/** The one error shape of the API; `details.issues` names the fields of a refused body. */
export interface ErrorBody {
  error: { code: string; message: string; details?: { issues?: Array<{ path: string; message: string }> } };
}
