import type { FunnelReport, Stage } from '../../api/types.ts';
import type { Format } from '../../format/format.ts';
import { stageLabel, stageOrNew, stageOrder } from '../../stages/labels.ts';
import { DataTable } from '../../table/data-table.tsx';
import { Section } from '../../ui/parts.tsx';
import { StageBadge } from '../../ui/stage-badge.tsx';

const origins: Array<Stage | null> = [null, ...stageOrder];

/**
 * The flow between stages over the period as a from × to matrix: each cell's bar is its share of the people who
 * left that row's stage, so a row reads as "where did they go". The same flows as a plain list for export.
 */
export function FlowMatrix({ report, f }: { report: FunnelReport; f: Format }) {
  const count = (from: Stage | null, to: Stage) => report.flows.find((x) => x.from === from && x.to === to)?.count ?? 0;
  const outOf = (from: Stage | null) => report.flows.filter((x) => x.from === from).reduce((sum, x) => sum + x.count, 0);
  const rows = [...report.flows].sort((a, b) => b.count - a.count).map((x) => ({ ...x, share: outOf(x.from) ? x.count / outOf(x.from) : null }));

  return (
    <Section title="Flow between stages in the period">
      {report.flows.length === 0 ? (
        <p class="hint">Nobody changed stage in this period.</p>
      ) : (
        <div class="flow">
          <div class="table-scroll">
            <table class="flow-matrix" data-flow-matrix>
              <caption class="hint">From (rows) → to (columns): people, and the share of the row</caption>
              <thead>
                <tr>
                  <th scope="col">From \ to</th>
                  {stageOrder.map((to) => (
                    <th key={to} scope="col" class="num">
                      <StageBadge stage={to} />
                    </th>
                  ))}
                  <th scope="col" class="num">
                    Moved
                  </th>
                </tr>
              </thead>
              <tbody>
                {origins.map((from) => {
                  const out = outOf(from);
                  return (
                    <tr key={String(from)}>
                      <th scope="row">
                        <StageBadge stage={from} />
                      </th>
                      {stageOrder.map((to) => {
                        const n = count(from, to);
                        const share = out ? n / out : 0;
                        return (
                          <td key={to} class={`num flow-cell stage-${to}`} title={`${stageOrNew(from)} → ${stageLabel[to]}: ${f.count(n)}`}>
                            {n > 0 && <span class="flow-bar" aria-hidden="true" style={{ width: `${Math.round(share * 100)}%` }} />}
                            <span class="flow-value">{n ? f.count(n) : '·'}</span>
                          </td>
                        );
                      })}
                      <td class="num">{f.count(out)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <DataTable
            name="flows"
            rows={rows}
            rowKey={(r) => `${r.from}-${r.to}`}
            columns={[
              { label: 'From', value: (r) => stageOrNew(r.from), render: (r) => <StageBadge stage={r.from} /> },
              { label: 'To', value: (r) => stageLabel[r.to], render: (r) => <StageBadge stage={r.to} /> },
              { label: 'People', value: (r) => r.count, render: (r) => f.count(r.count), numeric: true },
              { label: 'Share of from', value: (r) => r.share, render: (r) => f.percent(r.share), numeric: true },
            ]}
          />
        </div>
      )}
    </Section>
  );
}
