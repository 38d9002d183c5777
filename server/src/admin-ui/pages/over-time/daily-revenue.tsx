import type { OverTimeDay } from '../../api/types.ts';
import { Chart } from '../../chart/chart.tsx';
import type { Format } from '../../format/format.ts';
import { stageColour, stageLabel, stageOrder } from '../../stages/labels.ts';
import { DataTable, type Column } from '../../table/data-table.tsx';
import { ChartWithTable, Section } from '../../ui/parts.tsx';

/** Revenue per day, split by the stage each buyer was in when the order arrived. */
export function DailyRevenue({ days, f }: { days: OverTimeDay[]; f: Format }) {
  const columns: Array<Column<OverTimeDay>> = [
    { label: 'Day', value: (d) => d.day, render: (d) => f.day(d.day) },
    { label: 'Revenue', value: (d) => d.revenue, render: (d) => f.money(d.revenue), numeric: true },
    ...stageOrder.map((s): Column<OverTimeDay> => ({ label: stageLabel[s], value: (d) => d.revenueByStage[s], render: (d) => f.money(d.revenueByStage[s]), numeric: true })),
  ];
  const total = days.reduce((sum, d) => sum + d.revenue, 0);
  return (
    <Section title={`Revenue by stage at order time · ${f.money(total)} in the period`}>
      <ChartWithTable
        chart={
          <Chart
            title="Revenue by stage by day, stacked"
            kind="stacked"
            x={{ days: days.map((d) => d.day) }}
            series={stageOrder.map((s) => ({ label: stageLabel[s], colour: stageColour[s], values: days.map((d) => d.revenueByStage[s]) }))}
            format={f.money}
            axisFormat={f.moneyWhole}
          />
        }
        table={<DataTable name="daily-revenue" rows={days} rowKey={(d) => d.day} columns={columns} empty="No days in this period." />}
      />
    </Section>
  );
}
