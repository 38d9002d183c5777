import type { OverTimeDay } from '../../api/types.ts';
import { Chart } from '../../chart/chart.tsx';
import type { Format } from '../../format/format.ts';
import { DataTable } from '../../table/data-table.tsx';
import { ChartWithTable, Section } from '../../ui/parts.tsx';

/** New buyers per day, and the share of the day's orders that came from returning buyers. */
export function DailyOrders({ days, f }: { days: OverTimeDay[]; f: Format }) {
  const x = { days: days.map((d) => d.day) };
  return (
    <Section title="New buyers and repeat rate">
      <ChartWithTable
        chart={
          <>
            <Chart title="New buyers by day" kind="bars" x={x} height={200} series={[{ label: 'New buyers', colour: 'var(--series-3)', values: days.map((d) => d.newBuyers) }]} format={f.count} />
            <Chart
              title="Repeat rate by day"
              kind="lines"
              x={x}
              height={200}
              series={[{ label: 'Repeat rate', colour: 'var(--series-1)', values: days.map((d) => d.repeatRate) }]}
              format={f.percent}
            />
          </>
        }
        table={
          <DataTable
            name="daily-orders"
            rows={days}
            rowKey={(d) => d.day}
            empty="No days in this period."
            columns={[
              { label: 'Day', value: (d) => d.day, render: (d) => f.day(d.day) },
              { label: 'New buyers', value: (d) => d.newBuyers, render: (d) => f.count(d.newBuyers), numeric: true },
              { label: 'Orders', value: (d) => d.orders, render: (d) => f.count(d.orders), numeric: true },
              { label: 'Repeat orders', value: (d) => d.repeatOrders, render: (d) => f.count(d.repeatOrders), numeric: true },
              { label: 'Repeat rate', value: (d) => d.repeatRate, render: (d) => f.percent(d.repeatRate), numeric: true },
            ]}
          />
        }
      />
    </Section>
  );
}
