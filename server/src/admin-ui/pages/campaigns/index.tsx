import { makeFormat } from '../../format/format.ts';
import { Await, Page, Section } from '../../ui/parts.tsx';
import { useLoad } from '../../ui/use-load.ts';
import type { PageProps } from '../page-props.ts';
import { CampaignTable } from './campaign-table.tsx';
import { MessagesList } from './messages-list.tsx';
import { OutcomesChart } from './outcomes-chart.tsx';
import { ReasonsTable } from './reasons-table.tsx';
import type { CampaignsReport } from './types.ts';
import './campaigns.css';

/** Each campaign over the period against its holdout, why messages waited or were dropped, and the latest decisions. */
export function CampaignsPage({ api, site, period }: PageProps) {
  const report = useLoad(() => api.get<CampaignsReport>('/campaigns/report', { site, ...period }), [api, site, period.from, period.to]);
  return (
    <Page
      name="campaigns"
      title="Campaigns"
      intro="People a campaign decided a message for in the period. A share of them is held out (sent nothing) so the uplift compares like with like; converted means a purchase within 7 days."
    >
      <Await state={report}>
        {(r) => {
          const f = makeFormat(r.currency);
          return (
            <>
              <Section title="Per campaign">
                <CampaignTable rows={r.campaigns} f={f} />
              </Section>
              {r.campaigns.length > 0 && (
                <Section title="Messages by outcome">
                  <OutcomesChart rows={r.campaigns} f={f} />
                </Section>
              )}
              <Section title="Why messages waited or were dropped">
                <ReasonsTable rows={r.campaigns} f={f} />
              </Section>
              <MessagesList api={api} site={site} f={f} />
            </>
          );
        }}
      </Await>
    </Page>
  );
}
