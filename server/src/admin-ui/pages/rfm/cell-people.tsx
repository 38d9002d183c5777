import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../../api/client.ts';
import type { RfmPeople, RfmPerson } from '../../api/types.ts';
import type { Format } from '../../format/format.ts';
import { hrefTo } from '../../router/use-route.ts';
import { DataTable } from '../../table/data-table.tsx';
import { Section } from '../../ui/parts.tsx';
import type { CellRef } from './rfm-grid.tsx';

const PAGE = 100;

/** The buyers of one cell, a page at a time, each linking to their timeline. */
export function CellPeople({ api, site, cell, title, f }: { api: Api; site: string; cell: CellRef; title: string; f: Format }) {
  const [people, setPeople] = useState<RfmPerson[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = (after: string | null) => {
    setBusy(true);
    api.get<RfmPeople>('/reports/rfm/people', { site, r: cell.r, f: cell.f, limit: PAGE, after }).then(
      (page) => {
        setPeople((list) => (after ? [...list, ...page.people] : page.people));
        setNext(page.next);
        setBusy(false);
      },
      (err: unknown) => {
        setError((err as Error).message);
        setBusy(false);
      },
    );
  };
  useEffect(() => load(null), []);

  return (
    <Section
      title={`People in ${title}`}
      actions={
        next && (
          <button type="button" class="secondary small" disabled={busy} onClick={() => load(next)}>
            Load {PAGE} more
          </button>
        )
      }
    >
      {error && <p class="error" role="alert">{error}</p>}
      {busy && people.length === 0 ? (
        <p class="hint">Loading…</p>
      ) : (
        <DataTable
          name="rfm-people"
          rows={people}
          rowKey={(p) => p.profileId}
          columns={[
            { label: 'Person', value: (p) => p.profileId, render: (p) => <a href={hrefTo('people', [p.profileId])} class="mono">{p.customerId ?? p.profileId}</a> },
            { label: 'Last order', value: (p) => p.lastOrderAt, render: (p) => f.dateTime(p.lastOrderAt) },
            { label: 'Orders', value: (p) => p.orders, render: (p) => f.count(p.orders), numeric: true },
            { label: 'Revenue', value: (p) => p.revenue, render: (p) => f.money(p.revenue), numeric: true },
          ]}
        />
      )}
    </Section>
  );
}
