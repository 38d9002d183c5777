import type { CampaignReportRow } from './types.ts';

export interface Outcomes {
  campaign: string;
  /** sent, clicked or not */
  sent: number;
  /** not sent yet: scheduled or deferred by the contact policy */
  waiting: number;
  /** never going: expired, cancelled or failed */
  dropped: number;
  /** decided for the held-out group: nothing sent, on purpose */
  heldOut: number;
}

/** Every message decided in the period by where it ended up (the statuses now, both groups). */
export function outcomesOf(row: CampaignReportRow): Outcomes {
  const s = row.statuses;
  return {
    campaign: row.campaign,
    sent: s.sent + s.clicked,
    waiting: s.scheduled + s.deferred,
    dropped: s.expired + s.cancelled + s.failed,
    heldOut: s.held_out,
  };
}
