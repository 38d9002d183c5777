import { useState } from 'preact/hooks';
import type { PersonMatch } from '../../api/types.ts';
import { makeFormat } from '../../format/format.ts';
import { hrefTo } from '../../router/use-route.ts';
import { DataTable } from '../../table/data-table.tsx';
import { Page, Section } from '../../ui/parts.tsx';
import { StageBadge } from '../../ui/stage-badge.tsx';
import type { PageProps } from '../page-props.ts';

/** Search by visitor id, customer id or the start of one (at most 50 answers). */
export function PeopleSearch({ api, site }: PageProps) {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<PersonMatch[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const f = makeFormat();

  const search = async (e: Event) => {
    e.preventDefault();
    const term = q.trim();
    if (!term) return;
    setBusy(true);
    setError(null);
    try {
      setHits((await api.get<{ people: PersonMatch[] }>('/people', { site, q: term })).people);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page name="people" title="People" intro="Find a visitor or a customer by id, or by the first characters of one.">
      <Section title="Find a person">
        <form class="search" role="search" onSubmit={search}>
          <label class="visually-hidden" for="people-q">
            Visitor or customer id
          </label>
          <input id="people-q" type="search" name="q" maxLength={200} placeholder="visitor or customer id" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
          <button type="submit" disabled={busy || !q.trim()}>
            {busy ? 'Searching…' : 'Search'}
          </button>
        </form>
        {error && <p class="error" role="alert">{error}</p>}
      </Section>
      {hits && (
        <Section title={hits.length === 50 ? 'First 50 matches' : `${hits.length} match${hits.length === 1 ? '' : 'es'}`}>
          <DataTable
            name="people"
            rows={hits}
            rowKey={(p) => p.profileId}
            empty="Nobody with an id starting like that."
            columns={[
              { label: 'Person', value: (p) => p.profileId, render: (p) => <a href={hrefTo('people', [p.profileId])} class="mono" data-person={p.profileId}>{p.customerId ? `customer ${p.customerId}` : `visitor ${p.visitorIds[0] ?? p.profileId}`}</a> },
              { label: 'Devices', value: (p) => p.visitorIds.length, numeric: true },
              { label: 'Stage', value: (p) => p.stage, render: (p) => <StageBadge stage={p.stage} /> },
              { label: 'Last seen', value: (p) => p.lastSeenAt, render: (p) => f.dateTime(p.lastSeenAt) },
            ]}
          />
        </Section>
      )}
    </Page>
  );
}
