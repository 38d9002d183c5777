import type { Api } from '../../api/client.ts';
import type { Site } from '../../api/types.ts';
import { makeFormat } from '../../format/format.ts';
import { DataTable } from '../../table/data-table.tsx';
import { Section } from '../../ui/parts.tsx';
import { SnippetBox } from './snippet-box.tsx';

/** Every site (the list the shell already read) with its key and allowed origins; the chosen site's paste-in texts. */
export function SitesSection({ api, site, sites }: { api: Api; site: string; sites: Site[] }) {
  const f = makeFormat();
  const name = sites.find((s) => s.id === site)?.name;
  return (
    <>
      <Section title="Sites">
        <p class="hint">
          Add a site or an origin with <code>npm run shoploop -- site create --name NAME --origin URL</code>; only pages on an allowed origin may send events.
        </p>
        <DataTable
          name="sites"
          rows={sites}
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
      </Section>
      <Section title={name ? `Install on ${name}` : 'Install'}>
        <SnippetBox api={api} site={site} />
      </Section>
    </>
  );
}
