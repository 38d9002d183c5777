import type { FunnelReport } from '../../api/types.ts';
import { makeFormat } from '../../format/format.ts';
import { Await, Page } from '../../ui/parts.tsx';
import { useLoad } from '../../ui/use-load.ts';
import type { PageProps } from '../page-props.ts';
import { FlowMatrix } from './flow-matrix.tsx';
import { LoyaltyFunnel } from './loyalty-funnel.tsx';
import { StagesNow } from './stages-now.tsx';

/** Where people are now, how they moved over the period, and the loyalty funnel of the people first seen in it. */
export function FunnelPage({ api, site, period }: PageProps) {
  const report = useLoad(() => api.get<FunnelReport>('/reports/funnel', { site, ...period }), [api, site, period.from, period.to]);
  return (
    <Page name="funnel" title="Funnel">
      <Await state={report}>
        {(r) => {
          const f = makeFormat(r.currency);
          return (
            <>
              <StagesNow report={r} f={f} />
              <FlowMatrix report={r} f={f} />
              <LoyaltyFunnel report={r} f={f} />
            </>
          );
        }}
      </Await>
    </Page>
  );
}
