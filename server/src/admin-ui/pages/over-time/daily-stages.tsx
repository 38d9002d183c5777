import type { OverTimeDay } from '../../api/types.ts';
import { Chart } from '../../chart/chart.tsx';
import type { Format } from '../../format/format.ts';
import { stageColour, stageLabel, stageOrder } from '../../stages/labels.ts';
import { DataTable, type Column } from '../../table/data-table.tsx';
import { ChartWithTable, Section } from '../../ui/parts.tsx';

/** End-of-day people per stage, stacked; a day without a snapshot is a gap, not a zero. */
export function DailyStages({ days, f }: { days: OverTimeDay[]; f: Format }) {
  const columns: Array<Column<OverTimeDay>> = [
    { label: 'Day', value: (d) => d.day, render: (d) => f.day(d.day) },
    ...stageOrder.map((s): Column<OverTimeDay> => ({ label: stageLabel[s], value: (d) => d.stages?.[s] ?? null, render: (d) => f.count(d.stages?.[s]), numeric: true })),
  ];
  return (
    <Section title="People per stage, end of day">
      <ChartWithTable
        chart={
          <Chart
            title="People per stage by day, stacked"
            kind="stacked"
            x={{ days: days.map((d) => d.day) }}
            series={stageOrder.map((s) => ({ label: stageLabel[s], colour: stageColour[s], values: days.map((d) => d.stages?.[s] ?? null) }))}
            format={f.count}
          />
        }
        table={<DataTable name="daily-stages" rows={days} rowKey={(d) => d.day} columns={columns} empty="No days in this period." />}
      />
    </Section>
  );
}
