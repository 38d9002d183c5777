import type { FunnelReport, LoyaltyStep } from '../../api/types.ts';
import { Chart } from '../../chart/chart.tsx';
import type { Format } from '../../format/format.ts';
import { DataTable } from '../../table/data-table.tsx';
import { ChartWithTable, Section } from '../../ui/parts.tsx';

const loyaltyLabel: Record<LoyaltyStep, string> = {
  visitors: 'Visitors',
  engaged: 'Engaged',
  first_order: 'First order',
  repeat: 'Repeat',
  loyal: 'Loyal',
};

/** The seeds' funnel for the people first seen in the period: each step's people, split into who went dormant there. */
export function LoyaltyFunnel({ report, f }: { report: FunnelReport; f: Format }) {
  const steps = report.loyalty;
  return (
    <Section title="Loyalty funnel of the people first seen in the period">
      <ChartWithTable
        chart={
          <Chart
            title="Loyalty funnel"
            kind="stacked"
            xLabel="Step"
            x={{ labels: steps.map((s) => loyaltyLabel[s.step]) }}
            series={[
              { label: 'Went dormant here', colour: 'var(--stage-dormant)', values: steps.map((s) => s.dormant) },
              { label: 'Still active or moved on', colour: 'var(--stage-loyal)', values: steps.map((s) => Math.max(0, s.people - s.dormant)) },
            ]}
            format={f.count}
          />
        }
        table={
          <DataTable
            name="loyalty"
            rows={steps}
            rowKey={(s) => s.step}
            columns={[
              { label: 'Step', value: (s) => loyaltyLabel[s.step] },
              { label: 'People', value: (s) => s.people, render: (s) => f.count(s.people), numeric: true },
              { label: 'Conversion', value: (s) => s.conversion, render: (s) => f.percent(s.conversion), numeric: true },
              { label: 'Went dormant', value: (s) => s.dormant, render: (s) => f.count(s.dormant), numeric: true },
              { label: 'Churn to dormant', value: (s) => (s.people ? s.dormant / s.people : null), render: (s) => f.percent(s.people ? s.dormant / s.people : null), numeric: true },
            ]}
          />
        }
      />
    </Section>
  );
}
