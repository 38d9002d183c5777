import type { CohortsReport } from '../../api/types.ts';
import { makeFormat } from '../../format/format.ts';
import { Await, Page } from '../../ui/parts.tsx';
import { useLoad } from '../../ui/use-load.ts';
import type { PageProps } from '../page-props.ts';
import { CohortTable } from './cohort-table.tsx';
import { Distribution } from './distribution.tsx';

/** Repeat orders by first-order month, and how much the buyers are worth and how alive they are now. */
export function CohortsPage({ api, site, period }: PageProps) {
  const report = useLoad(() => api.get<CohortsReport>('/reports/cohorts', { site, ...period }), [api, site, period.from, period.to]);
  return (
    <Page name="cohorts" title="Cohorts">
      <Await state={report}>
        {(r) => {
          const f = makeFormat(r.currency);
          const sample = r.buyers !== undefined && r.sampled !== undefined && r.sampled < r.buyers ? ` (a uniform sample of ${f.count(r.sampled)} of ${f.count(r.buyers)} buyers, scaled)` : '';
          return (
            <>
              <CohortTable cohorts={r.cohorts} f={f} />
              <Distribution
                name="clv"
                title="Customer lifetime value (next 12 months)"
                note={`Expected spend of each buyer over the next 12 months, from the fitted buyer models${sample}.`}
                buckets={r.clv}
                label={(b) => (b.max === null || !Number.isFinite(b.max) ? `${f.moneyWhole(b.min)}+` : `${f.moneyWhole(b.min)}–${f.moneyWhole(b.max)}`)}
                bound={f.money}
                f={f}
                colour="var(--series-1)"
              />
              <Distribution
                name="alive"
                title="P(alive) of buyers"
                note={`The chance each buyer is still a customer, from the BG/NBD model${sample}.`}
                buckets={r.alive}
                label={(b) => `${Math.round(b.min * 100)}–${f.percent(b.max)}`}
                bound={f.percent}
                f={f}
                colour="var(--series-3)"
              />
            </>
          );
        }}
      </Await>
    </Page>
  );
}
