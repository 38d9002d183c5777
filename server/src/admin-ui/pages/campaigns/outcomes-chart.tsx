import { Chart } from '../../chart/chart.tsx';
import type { Format } from '../../format/format.ts';
import { DataTable } from '../../table/data-table.tsx';
import { ChartWithTable } from '../../ui/parts.tsx';
import { campaignName } from './labels.ts';
import { outcomesOf, type Outcomes } from './outcomes.ts';
import type { CampaignReportRow } from './types.ts';

const parts: Array<{ key: Exclude<keyof Outcomes, 'campaign'>; label: string; colour: string }> = [
  { key: 'sent', label: 'Sent', colour: 'var(--series-1)' },
  { key: 'waiting', label: 'Waiting', colour: 'var(--series-2)' },
  { key: 'dropped', label: 'Dropped', colour: 'var(--series-6)' },
  { key: 'heldOut', label: 'Held out', colour: 'var(--series-5)' },
];

/** Messages decided per campaign, stacked by outcome, with the same numbers as a table. */
export function OutcomesChart({ rows, f }: { rows: CampaignReportRow[]; f: Format }) {
  const outcomes = rows.map(outcomesOf);
  return (
    <ChartWithTable
      chart={
        <Chart
          title="Messages per campaign by outcome"
          kind="stacked"
          xLabel="Campaign"
          x={{ labels: outcomes.map((o) => campaignName(o.campaign)) }}
          series={parts.map((p) => ({ label: p.label, colour: p.colour, values: outcomes.map((o) => o[p.key]) }))}
          format={f.count}
        />
      }
      table={
        <DataTable
          name="campaign-outcomes"
          rows={outcomes}
          rowKey={(o) => o.campaign}
          columns={[
            { label: 'Campaign', value: (o) => campaignName(o.campaign) },
            ...parts.map((p) => ({ label: p.label, value: (o: Outcomes) => o[p.key], render: (o: Outcomes) => f.count(o[p.key]), numeric: true })),
          ]}
        />
      }
    />
  );
}
