import type { OverTimeReport } from '../../api/types.ts';
import { makeFormat } from '../../format/format.ts';
import { Await, Page } from '../../ui/parts.tsx';
import { useLoad } from '../../ui/use-load.ts';
import type { PageProps } from '../page-props.ts';
import { DailyOrders } from './daily-orders.tsx';
import { DailyRevenue } from './daily-revenue.tsx';
import { DailyStages } from './daily-stages.tsx';

/** The period day by day (UTC days): stage sizes, new buyers and repeat rate, revenue by the buyer's stage. */
export function OverTimePage({ api, site, period }: PageProps) {
  const report = useLoad(() => api.get<OverTimeReport>('/reports/over-time', { site, ...period }), [api, site, period.from, period.to]);
  return (
    <Page name="over-time" title="Over time" intro="Days are UTC days. Stage counts are taken at the end of each day.">
      <Await state={report}>
        {(r) => {
          const f = makeFormat(r.currency);
          return (
            <>
              <DailyStages days={r.days} f={f} />
              <DailyOrders days={r.days} f={f} />
              <DailyRevenue days={r.days} f={f} />
            </>
          );
        }}
      </Await>
    </Page>
  );
}
