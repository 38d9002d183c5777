import { useState } from 'preact/hooks';
import { Chart } from '../../chart/chart.tsx';
import { paletteColour } from '../../chart/colours.ts';
import type { Format } from '../../format/format.ts';
import { DataTable } from '../../table/data-table.tsx';
import { ChartWithTable, Section } from '../../ui/parts.tsx';
import { dailySeries, daysOf, type Metric } from './breakdown.ts';
import type { RecommendationsReport } from './types.ts';

const metrics: Array<{ id: Metric; label: string }> = [
  { id: 'impressions', label: 'Impressions' },
  { id: 'clicks', label: 'Clicks' },
  { id: 'orders', label: 'Orders' },
  { id: 'revenue', label: 'Revenue' },
];

/** One line per scenario over the period's days, for the metric chosen; the table holds the same numbers. */
export function OverTime({ report, f }: { report: RecommendationsReport; f: Format }) {
  const [metric, setMetric] = useState<Metric>('revenue');
  const s = dailySeries(report.days, daysOf(report.from, report.to), metric);
  const format = metric === 'revenue' ? f.money : f.count;
  const rows = s.days.map((day, d) => ({ day, values: s.values.map((v) => v[d]!) }));
  const label = metrics.find((m) => m.id === metric)!.label;
  return (
    <Section
      title={`${label} per day and scenario`}
      actions={
        <label class="inline-field">
          <span class="field-label">Show</span>
          <select value={metric} data-metric onChange={(e) => setMetric(e.currentTarget.value as Metric)}>
            {metrics.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
      }
    >
      {s.scenarios.length === 0 ? (
        <p class="hint">No recommendation block was shown in this period.</p>
      ) : (
        <ChartWithTable
          chart={
            <Chart
              title={`${label} per day and scenario`}
              kind="lines"
              x={{ days: s.days }}
              xLabel="Day"
              series={s.scenarios.map((name, i) => ({ label: name, colour: paletteColour(i), values: s.values[i]! }))}
              format={format}
            />
          }
          table={
            <DataTable
              name={`recommendations-daily-${metric}`}
              rows={rows}
              rowKey={(r) => r.day}
              columns={[
                { label: 'Day', value: (r) => r.day, render: (r) => f.day(r.day) },
                ...s.scenarios.map((name, i) => ({ label: name, value: (r: (typeof rows)[number]) => r.values[i]!, render: (r: (typeof rows)[number]) => format(r.values[i]!), numeric: true })),
              ]}
            />
          }
        />
      )}
    </Section>
  );
}
