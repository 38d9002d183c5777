import type { Format } from '../../format/format.ts';
import { DataTable } from '../../table/data-table.tsx';
import type { Figures } from './breakdown.ts';

/** Impressions, clicks, CTR, attributed orders and revenue per row; the first column named by `label`. */
export function FiguresTable<R extends Figures>({ name, label, rows, keyOf, f }: { name: string; label: string | Array<[string, (r: R) => string]>; rows: R[]; keyOf(r: R): string; f: Format }) {
  const keys: Array<[string, (r: R) => string]> = typeof label === 'string' ? [[label, keyOf]] : label;
  return (
    <DataTable
      name={name}
      rows={rows}
      rowKey={keyOf}
      empty="No recommendation block was shown in this period."
      columns={[
        ...keys.map(([l, get]) => ({ label: l, value: get, render: (r: R) => <span class="text">{get(r)}</span> })),
        { label: 'Impressions', value: (r) => r.impressions, render: (r) => f.count(r.impressions), numeric: true },
        { label: 'Clicks', value: (r) => r.clicks, render: (r) => f.count(r.clicks), numeric: true },
        { label: 'CTR', value: (r) => r.ctr, render: (r) => f.percent(r.ctr), numeric: true },
        { label: 'Orders', value: (r) => r.orders, render: (r) => f.count(r.orders), numeric: true },
        { label: 'Revenue', value: (r) => r.revenue, render: (r) => f.money(r.revenue), numeric: true },
      ]}
    />
  );
}
