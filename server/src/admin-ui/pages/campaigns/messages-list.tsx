import { useState } from 'preact/hooks';
import type { Api } from '../../api/client.ts';
import type { Format } from '../../format/format.ts';
import { hrefTo } from '../../router/use-route.ts';
import { DataTable } from '../../table/data-table.tsx';
import { Await, Section } from '../../ui/parts.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { campaignName, campaignOrder, statusLabel, statusOrder } from './labels.ts';
import type { CampaignId, MessageList, MessageStatus } from './types.ts';

const PAGE = 100;

/** Every contact decision, newest first (sent, deferred, held out, dropped and why), filtered by campaign and status. */
export function MessagesList({ api, site, f }: { api: Api; site: string; f: Format }) {
  const [campaign, setCampaign] = useState<CampaignId | ''>('');
  const [status, setStatus] = useState<MessageStatus | ''>('');
  const list = usePagedList(
    (before) => api.get<MessageList>('/messages', { site, campaign, status, limit: PAGE, before }).then((p) => ({ rows: p.messages, next: p.next })),
    [api, site, campaign, status],
  );

  return (
    <Section
      title="Recent messages"
      actions={
        <div class="filters">
          <label class="inline-field">
            <span class="field-label">Campaign</span>
            <select value={campaign} onChange={(e) => setCampaign(e.currentTarget.value as CampaignId | '')}>
              <option value="">All</option>
              {campaignOrder.map((c) => (
                <option key={c} value={c}>
                  {campaignName(c)}
                </option>
              ))}
            </select>
          </label>
          <label class="inline-field">
            <span class="field-label">Status</span>
            <select value={status} onChange={(e) => setStatus(e.currentTarget.value as MessageStatus | '')}>
              <option value="">All</option>
              {statusOrder.map((s) => (
                <option key={s} value={s}>
                  {statusLabel[s]}
                </option>
              ))}
            </select>
          </label>
        </div>
      }
    >
      <p class="hint">Newest first, whatever the period; the contact policy's reason beside every message it put off or dropped.</p>
      <Await state={list.first}>
        {() => (
          <>
            <DataTable
              name="messages"
              pageSize={25}
              rows={list.rows}
              rowKey={(m) => m.id}
              empty="No messages yet."
              columns={[
                { label: 'Decided', value: (m) => m.createdAt, render: (m) => f.dateTime(m.createdAt) },
                { label: 'Campaign', value: (m) => campaignName(m.campaign) },
                { label: 'Status', value: (m) => m.status, render: (m) => <span class={`pill status-${m.status}`}>{statusLabel[m.status] ?? m.status}</span> },
                { label: 'Reason', value: (m) => m.reason, render: (m) => <span class="text">{m.reason ?? '–'}</span> },
                { label: 'Person', value: (m) => m.person, render: (m) => <a class="mono" href={hrefTo('people', [m.person])}>{m.person}</a> },
                { label: 'Message', value: (m) => [m.title, m.body].filter(Boolean).join(' — '), render: (m) => <span class="text">{m.title ?? '–'}</span> },
                { label: 'Sent', value: (m) => m.sentAt, render: (m) => f.dateTime(m.sentAt) },
                { label: 'Clicked', value: (m) => m.clickedAt, render: (m) => f.dateTime(m.clickedAt) },
                { label: 'Converted', value: (m) => m.convertedAt, render: (m) => f.dateTime(m.convertedAt) },
                { label: 'Revenue', value: (m) => m.revenue, render: (m) => f.money(m.revenue), numeric: true },
              ]}
            />
            {list.next && (
              <button type="button" class="secondary small" disabled={list.loadingMore} onClick={() => void list.loadMore()}>
                {list.loadingMore ? 'Loading…' : 'Show older messages'}
              </button>
            )}
          </>
        )}
      </Await>
    </Section>
  );
}
