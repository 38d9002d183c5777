import type { Format } from '../../format/format.ts';
import { DataTable } from '../../table/data-table.tsx';
import { campaignName, statusLabel } from './labels.ts';
import type { CampaignReportRow, ReasonCount } from './types.ts';

interface ReasonRow extends ReasonCount {
  campaign: string;
  kind: 'deferred' | 'dropped';
}

/** The rows of the reasons table: every campaign's deferred then dropped reasons, most frequent first. */
function reasonRows(rows: readonly CampaignReportRow[]): ReasonRow[] {
  return rows.flatMap((r) => [
    ...r.reasons.deferred.map((x) => ({ ...x, campaign: r.campaign, kind: 'deferred' as const })),
    ...r.reasons.dropped.map((x) => ({ ...x, campaign: r.campaign, kind: 'dropped' as const })),
  ]);
}

/** Why messages wait (caps, quiet hours, a more urgent message) or will never go, as the outbox wrote it. */
export function ReasonsTable({ rows, f }: { rows: CampaignReportRow[]; f: Format }) {
  return (
    <DataTable
      name="campaign-reasons"
      rows={reasonRows(rows)}
      rowKey={(r, i) => `${r.campaign}:${r.kind}:${r.status}:${r.reason}:${i}`}
      empty="Nothing was deferred or dropped in this period."
      columns={[
        { label: 'Campaign', value: (r) => campaignName(r.campaign) },
        { label: 'Kind', value: (r) => r.kind, render: (r) => <span class={`pill ${r.kind}`}>{r.kind}</span> },
        { label: 'Status', value: (r) => statusLabel[r.status] ?? r.status },
        { label: 'Reason', value: (r) => r.reason, render: (r) => <span class="text">{r.reason}</span> },
        { label: 'Messages', value: (r) => r.count, render: (r) => f.count(r.count), numeric: true },
      ]}
    />
  );
}
