import { makeFormat } from '../../format/format.ts';
import { Await, Page, Section } from '../../ui/parts.tsx';
import { useLoad } from '../../ui/use-load.ts';
import type { PageProps } from '../page-props.ts';
import { sumBy } from './breakdown.ts';
import { FiguresTable } from './figures-table.tsx';
import { OverTime } from './over-time.tsx';
import { Totals } from './totals.tsx';
import type { RecommendationsReport } from './types.ts';
import './recommendations.css';

/** What the recommendation blocks were shown, clicked and credited with: per scenario, per page type, per day. */
export function RecommendationsPage({ api, site, period }: PageProps) {
  const report = useLoad(() => api.get<RecommendationsReport>('/reports/recommendations', { site, ...period }), [api, site, period.from, period.to]);
  return (
    <Page name="recommendations" title="Recommendations">
      <Await state={report}>
        {(r) => {
          const f = makeFormat(r.currency);
          return (
            <>
              <p class="hint">
                An order is credited to a block when it holds an item clicked in the block within {f.count(r.attributionWindowHours)} hours before; orders and revenue
                count where the credited click was.
              </p>
              <Totals report={r} f={f} />
              <Section title="Per scenario">
                <FiguresTable name="recommendations-scenarios" label="Scenario" rows={sumBy(r.scenarios, 'scenario')} keyOf={(x) => x.key} f={f} />
              </Section>
              <Section title="Per page type">
                <FiguresTable name="recommendations-page-types" label="Page type" rows={sumBy(r.scenarios, 'pageType')} keyOf={(x) => x.key} f={f} />
              </Section>
              <Section title="Per scenario and page type">
                <FiguresTable
                  name="recommendations-scenario-page-types"
                  label={[
                    ['Scenario', (x) => x.scenario],
                    ['Page type', (x) => x.pageType],
                  ]}
                  rows={r.scenarios}
                  keyOf={(x) => `${x.scenario}\u0000${x.pageType}`}
                  f={f}
                />
              </Section>
              <OverTime report={r} f={f} />
            </>
          );
        }}
      </Await>
    </Page>
  );
}
