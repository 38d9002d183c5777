import type { CollectorTotals } from '../replay-collector.ts';
import type { TimelineTotals } from '../replay-timeline.ts';
import type { UciYear } from '../uci/load-uci-year.ts';
import type { ClvSummary } from './clv-summary.ts';
import type { RfmTable } from './rfm-table.ts';
import type { StageMix } from './stage-mix.ts';

/** Everything a replay did and found; `formatReplayReport` prints it. */
export interface ReplayReport {
  file: string;
  siteId: string;
  keepDates: boolean;
  /** ms added to the file's dates; 0 with keepDates */
  offsetMs: number;
  /** the clock at the end: the "now" of the stages and models below */
  endsAt: number;
  /** the file's own first and last order times */
  firstOrderAt: number | null;
  lastOrderAt: number | null;
  lines: UciYear['lines'];
  cancellations: UciYear['cancellations'];
  slice: {
    people: number;
    customers: number;
    guests: number;
    orders: number;
    /** orders whose session the site already held: sent again at the end, for the dedupe to acknowledge */
    ordersAlreadyStored: number;
  };
  events: CollectorTotals;
  lifecycle: TimelineTotals & { settleEvaluated: number };
  stages: StageMix;
  rfm: RfmTable | null;
  clv: ClvSummary;
  elapsedMs: number;
  phasesMs: { read: number; replay: number; settle: number };
}
