import type { Bucket } from '../../api/types.ts';
import { Chart } from '../../chart/chart.tsx';
import type { Format } from '../../format/format.ts';
import { DataTable } from '../../table/data-table.tsx';
import { ChartWithTable, Section } from '../../ui/parts.tsx';

interface Props {
  name: string;
  title: string;
  note: string;
  buckets: Bucket[];
  label(b: Bucket): string;
  /** how a bucket bound reads */
  bound(n: number): string;
  f: Format;
  colour: string;
}

/** Buyers per bucket of a value (CLV, P(alive)): a histogram and its table. */
export function Distribution({ name, title, note, buckets, label, bound, f, colour }: Props) {
  const total = buckets.reduce((sum, b) => sum + b.people, 0);
  return (
    <Section title={title}>
      <p class="hint">{note}</p>
      {buckets.length === 0 ? (
        <p class="hint">Not enough buyers yet: the models are fitted once the site has enough repeat buyers.</p>
      ) : (
        <ChartWithTable
          chart={<Chart title={title} kind="bars" xLabel="Range" x={{ labels: buckets.map(label) }} series={[{ label: 'Buyers', colour, values: buckets.map((b) => b.people) }]} format={f.count} />}
          table={
            <DataTable
              name={name}
              rows={buckets}
              rowKey={(b) => String(b.min)}
              columns={[
                { label: 'From', value: (b) => b.min, render: (b) => bound(b.min), numeric: true },
                { label: 'To', value: (b) => b.max, render: (b) => (b.max === null || !Number.isFinite(b.max) ? '' : bound(b.max)), numeric: true },
                { label: 'Buyers', value: (b) => b.people, render: (b) => f.count(b.people), numeric: true },
                { label: 'Share', value: (b) => (total ? b.people / total : null), render: (b) => f.percent(total ? b.people / total : null), numeric: true },
              ]}
            />
          }
        />
      )}
    </Section>
  );
}
