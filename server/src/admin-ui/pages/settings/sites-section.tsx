import type { Api } from '../../api/client.ts';
import { makeFormat } from '../../format/format.ts';
import { DataTable } from '../../table/data-table.tsx';
import { Await, Section } from '../../ui/parts.tsx';
import { useLoad } from '../../ui/use-load.ts';
import { SnippetBox } from './snippet-box.tsx';
import type { Site } from '../../api/types.ts';

/** Every site with its key and the origins allowed to send events; the chosen site's paste-in texts. */
export function SitesSection({ api, site }: { api: Api; site: string }) {
  const sites = useLoad(() => api.get<{ sites: Site[] }>('/sites'), [api]);
  const f = makeFormat();
  const name = sites.data?.sites.find((s) => s.id === site)?.name;
  return (
    <>
      <Section title="Sites">
        <p class="hint">
          Add a site or an origin with <code>npm run shoploop -- site create --name NAME --origin URL</code>; only pages on an allowed origin may send events.
        </p>
        <Await state={sites}>
          {(r) => (
            <DataTable
              name="sites"
              rows={r.sites}
              rowKey={(s) => s.id}
              empty="No site yet."
              columns={[
                { label: 'Name', value: (s) => s.name, render: (s) => <span class="text">{s.name}</span> },
                { label: 'Id', value: (s) => s.id, render: (s) => <span class="mono nowrap">{s.id}</span> },
                { label: 'Public key', value: (s) => s.publicKey, render: (s) => <span class="mono nowrap">{s.publicKey}</span> },
                {
                  label: 'Allowed origins',
                  value: (s) => s.allowedOrigins.join(' '),
                  render: (s) => (
                    <ul class="origins">
                      {s.allowedOrigins.map((o) => (
                        <li key={o} class="mono nowrap">
                          {o}
                        </li>
                      ))}
                    </ul>
                  ),
                },
                { label: 'Created', value: (s) => new Date(s.createdAt).toISOString(), render: (s) => f.dateTime(s.createdAt) },
              ]}
            />
          )}
        </Await>
      </Section>
      <Section title={name ? `Install on ${name}` : 'Install'}>
        <SnippetBox api={api} site={site} />
      </Section>
    </>
  );
}
