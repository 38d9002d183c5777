import { useState } from 'preact/hooks';
import { ApiFailure } from '../../api/client.ts';
import type { PersonTimeline } from '../../api/types.ts';
import { makeFormat } from '../../format/format.ts';
import { hrefTo } from '../../router/use-route.ts';
import { DataTable } from '../../table/data-table.tsx';
import { Page, Section } from '../../ui/parts.tsx';
import { useSiteCurrency } from '../../ui/site-currency.ts';
import { StageBadge } from '../../ui/stage-badge.tsx';
import { useLoad } from '../../ui/use-load.ts';
import type { PageProps } from '../page-props.ts';
import { EraseDialog } from './erase-dialog.tsx';
import { PersonFacts } from './person-facts.tsx';
import { kindLabel, timelineOf, type EntryKind } from './timeline.ts';

const kinds: EntryKind[] = ['event', 'stage', 'message', 'review', 'click'];

/** One person: what is known of them, their timeline (filterable by kind), and erasure. */
export function PersonView({ api, site, profileId }: PageProps & { profileId: string }) {
  const detail = useLoad(() => api.get<PersonTimeline>(`/people/${encodeURIComponent(profileId)}`, { site }), [api, site, profileId]);
  const f = makeFormat(useSiteCurrency(api, site));
  const [hidden, setHidden] = useState<Set<EntryKind>>(new Set());
  const [erased, setErased] = useState<Record<string, number> | null>(null);

  const back = (
    <a href={hrefTo('people')} class="hint">
      ← Find another person
    </a>
  );
  if (erased) {
    return (
      <Page name="people" title="Person erased">
        <p role="status" data-erased>
          {profileId} is erased: {Object.entries(erased).map(([k, n]) => `${f.count(n)} ${k}`).join(', ') || 'nothing was stored'}.
        </p>
        {back}
      </Page>
    );
  }
  if (detail.error) {
    const gone = detail.error instanceof ApiFailure && detail.error.status === 404;
    return (
      <Page name="people" title="Person">
        <p class={gone ? 'hint' : 'error banner'} role="alert">
          {gone ? `Nobody with the id ${profileId} on this site.` : detail.error.message}
        </p>
        {back}
      </Page>
    );
  }
  if (!detail.data) {
    return (
      <Page name="people" title="Person">
        <p class="hint">Loading…</p>
      </Page>
    );
  }
  const d = detail.data;
  const entries = timelineOf(d, f).filter((e) => !hidden.has(e.kind));
  const toggle = (k: EntryKind) => {
    const next = new Set(hidden);
    if (next.has(k)) next.delete(k);
    else next.add(k);
    setHidden(next);
  };

  return (
    <Page name="people" title={d.person.customerId ? `Customer ${d.person.customerId}` : `Visitor ${d.person.visitorIds[0] ?? profileId}`} intro={back}>
      <Section title="Now" actions={<EraseDialog api={api} site={site} profileId={d.person.profileId} onErased={setErased} />}>
        <p>
          <StageBadge stage={d.person.stage} /> {d.person.stageSince && <span class="hint">since {f.dateTime(d.person.stageSince)}</span>}
        </p>
        {(d.person.rule || d.person.reason) && <p class="hint">Why: {[d.person.rule, d.person.reason].filter(Boolean).join(' · ')}</p>}
        <PersonFacts person={d.person} f={f} />
      </Section>
      <Section
        title="Timeline"
        actions={
          <span class="presets" role="group" aria-label="Show">
            {kinds.map((k) => (
              <button key={k} type="button" class={`small ${hidden.has(k) ? 'secondary' : ''}`} aria-pressed={!hidden.has(k)} onClick={() => toggle(k)}>
                {kindLabel[k]}
              </button>
            ))}
          </span>
        }
      >
        <DataTable
          name="timeline"
          pageSize={50}
          rows={entries}
          rowKey={(e, i) => `${e.at}:${e.kind}:${i}`}
          empty="Nothing of these kinds."
          columns={[
            { label: 'When', value: (e) => e.at, render: (e) => f.dateTime(e.at) },
            { label: 'Kind', value: (e) => kindLabel[e.kind], cellClass: () => 'kind' },
            { label: 'What', value: (e) => e.what, cellClass: () => 'text' },
            { label: 'Details', value: (e) => e.detail, cellClass: () => 'text' },
          ]}
        />
      </Section>
    </Page>
  );
}
