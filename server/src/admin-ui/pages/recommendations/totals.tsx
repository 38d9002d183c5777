import type { Format } from '../../format/format.ts';
import type { RecommendationsReport } from './types.ts';

/** The period at a glance: what the blocks were shown, clicked and credited with, against the whole shop. */
export function Totals({ report, f }: { report: RecommendationsReport; f: Format }) {
  const t = report.totals;
  const tiles: Array<[string, string, string?]> = [
    ['Impressions', f.count(t.impressions)],
    ['Clicks', f.count(t.clicks)],
    ['CTR', f.percent(t.ctr)],
    ['Attributed orders', f.count(t.orders), `of ${f.count(t.shopOrders)} orders`],
    ['Attributed revenue', f.money(t.revenue), `${f.percent(t.shopRevenue > 0 ? t.revenue / t.shopRevenue : null)} of ${f.money(t.shopRevenue)}`],
  ];
  return (
    <dl class="tiles card" data-totals>
      {tiles.map(([label, value, sub]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
          {sub && <dd class="hint">{sub}</dd>}
        </div>
      ))}
    </dl>
  );
}
