import type { FunnelReport } from '../../api/types.ts';
import { Chart } from '../../chart/chart.tsx';
import type { Format } from '../../format/format.ts';
import { stageColour, stageHint, stageLabel, stageOrder } from '../../stages/labels.ts';
import { DataTable } from '../../table/data-table.tsx';
import { ChartWithTable, Section } from '../../ui/parts.tsx';
import { StageBadge } from '../../ui/stage-badge.tsx';

/** People per stage now: one bar per stage in its colour (a series per stage, each only at its own slot). */
export function StagesNow({ report, f }: { report: FunnelReport; f: Format }) {
  const total = stageOrder.reduce((sum, s) => sum + report.stages[s], 0);
  const rows = stageOrder.map((stage) => ({ stage, people: report.stages[stage], share: total ? report.stages[stage] / total : null }));
  return (
    <Section title="People per stage now">
      <ChartWithTable
        chart={
          <Chart
            title="People per stage now"
            kind="stacked"
            xLabel="Stage"
            x={{ labels: stageOrder.map((s) => stageLabel[s]) }}
            series={stageOrder.map((s, i) => ({ label: stageLabel[s], colour: stageColour[s], values: stageOrder.map((_, j) => (i === j ? report.stages[s] : null)) }))}
            format={f.count}
          />
        }
        table={
          <DataTable
            name="stages"
            rows={rows}
            rowKey={(r) => r.stage}
            columns={[
              { label: 'Stage', value: (r) => stageLabel[r.stage], render: (r) => <span title={stageHint[r.stage]}><StageBadge stage={r.stage} /></span> },
              { label: 'People', value: (r) => r.people, render: (r) => f.count(r.people), numeric: true },
              { label: 'Share', value: (r) => r.share, render: (r) => f.percent(r.share), numeric: true },
            ]}
          />
        }
      />
    </Section>
  );
}
