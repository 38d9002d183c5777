import { useState } from 'preact/hooks';
import type { RfmReport } from '../../api/types.ts';
import { makeFormat } from '../../format/format.ts';
import { DataTable } from '../../table/data-table.tsx';
import { Await, Page, Section } from '../../ui/parts.tsx';
import { useLoad } from '../../ui/use-load.ts';
import type { PageProps } from '../page-props.ts';
import { CellPeople } from './cell-people.tsx';
import { RfmGrid, type CellRef } from './rfm-grid.tsx';

/** Buyers by recency × frequency as of now (the period does not apply); a cell opens its people. */
export function RfmPage({ api, site }: PageProps) {
  const report = useLoad(() => api.get<RfmReport>('/reports/rfm', { site }), [api, site]);
  const [cell, setCell] = useState<CellRef | null>(null);
  return (
    <Page name="rfm" title="RFM" intro="Buyers as of today by days since their last order (rows) and number of orders (columns). The period does not apply here.">
      <Await state={report}>
        {(r) => {
          const f = makeFormat(r.currency);
          const label = (c: { r: number; f: number }) => `${r.recency[c.r] ?? c.r} · ${r.frequency[c.f] ?? c.f}`;
          return (
            <>
              <Section title="Recency × frequency">
                <RfmGrid report={r} f={f} selected={cell} onSelect={setCell} />
              </Section>
              {cell && <CellPeople key={`${cell.r}:${cell.f}`} api={api} site={site} cell={cell} title={label(cell)} f={f} />}
              <Section title="Cells as a list">
                <DataTable
                  name="rfm-cells"
                  rows={r.cells}
                  rowKey={(c) => `${c.r}:${c.f}`}
                  columns={[
                    { label: 'Recency', value: (c) => r.recency[c.r] ?? String(c.r) },
                    { label: 'Frequency', value: (c) => r.frequency[c.f] ?? String(c.f) },
                    { label: 'People', value: (c) => c.people, render: (c) => f.count(c.people), numeric: true },
                    { label: 'Revenue', value: (c) => c.revenue, render: (c) => f.money(c.revenue), numeric: true },
                  ]}
                />
              </Section>
            </>
          );
        }}
      </Await>
    </Page>
  );
}
