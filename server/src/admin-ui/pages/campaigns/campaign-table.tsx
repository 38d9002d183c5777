import type { Format } from '../../format/format.ts';
import { DataTable } from '../../table/data-table.tsx';
import { campaignName } from './labels.ts';
import type { CampaignReportRow } from './types.ts';
import { upliftView } from './uplift-view.ts';

/**
 * Per campaign over the period: what the contact policy did with its messages, what they earned, and the
 * uplift in conversion rate against the held-out group (no number while the groups are too small).
 */
export function CampaignTable({ rows, f }: { rows: CampaignReportRow[]; f: Format }) {
  const view = (r: CampaignReportRow) => upliftView(r.uplift, f);
  return (
    <DataTable
      name="campaigns"
      rows={rows}
      rowKey={(r) => r.campaign}
      empty="No campaign decided anything for anyone in this period."
      columns={[
        { label: 'Campaign', value: (r) => campaignName(r.campaign) },
        {
          label: 'Uplift (pts)',
          value: (r) => view(r).points ?? view(r).headline,
          render: (r) => {
            const v = view(r);
            return (
              <span class={`uplift ${v.verdict}`} data-uplift={v.verdict} title={r.uplift.enoughData ? undefined : r.uplift.reason}>
                <span class="uplift-value">{v.headline}</span>
                <span class="uplift-detail">{v.detail}</span>
              </span>
            );
          },
          numeric: true,
        },
        { label: 'Sent', value: (r) => r.sent, render: (r) => f.count(r.sent), numeric: true },
        { label: 'Deferred', value: (r) => r.deferred, render: (r) => f.count(r.deferred), numeric: true },
        { label: 'Dropped', value: (r) => r.dropped, render: (r) => f.count(r.dropped), numeric: true },
        { label: 'Clicked', value: (r) => r.clicked, render: (r) => f.count(r.clicked), numeric: true },
        { label: 'Converted', value: (r) => r.converted, render: (r) => f.count(r.converted), numeric: true },
        { label: 'Revenue', value: (r) => r.revenue, render: (r) => f.money(r.revenue), numeric: true },
        { label: 'Conv. sent group', value: (r) => r.treatment.conversionRate, render: (r) => f.percent(r.treatment.conversionRate), numeric: true },
        { label: 'Conv. held out', value: (r) => r.control.conversionRate, render: (r) => f.percent(r.control.conversionRate), numeric: true },
        { label: 'Held out', value: (r) => r.heldOut, render: (r) => f.count(r.heldOut), numeric: true },
        { label: 'Eligible', value: (r) => r.eligible, render: (r) => f.count(r.eligible), numeric: true },
        { label: '95 % low (pts)', value: (r) => view(r).lower, render: (r) => (view(r).lower === null ? '–' : f.decimal(view(r).lower, 1)), numeric: true },
        { label: '95 % high (pts)', value: (r) => view(r).upper, render: (r) => (view(r).upper === null ? '–' : f.decimal(view(r).upper, 1)), numeric: true },
      ]}
    />
  );
}
