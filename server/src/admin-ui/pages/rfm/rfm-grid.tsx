import type { RfmReport } from '../../api/types.ts';
import type { Format } from '../../format/format.ts';
import { heatOf } from '../../ui/heat.ts';

export interface CellRef {
  r: number;
  f: number;
}

interface Props {
  report: RfmReport;
  f: Format;
  selected: CellRef | null;
  onSelect(cell: CellRef): void;
}

/** The grid: people (coloured by how many) and revenue per cell; each cell a button that lists its people. */
export function RfmGrid({ report, f, selected, onSelect }: Props) {
  const at = (r: number, fq: number) => report.cells.find((c) => c.r === r && c.f === fq) ?? { r, f: fq, people: 0, revenue: 0 };
  const max = Math.max(0, ...report.cells.map((c) => c.people));
  return (
    <div class="table-scroll heat rfm-grid">
      <table data-rfm-grid>
        <caption class="visually-hidden">Buyers and revenue by days since the last order and number of orders</caption>
        <thead>
          <tr>
            <th scope="col">Last order ↓ · Orders →</th>
            {report.frequency.map((label) => (
              <th key={label} scope="col" class="num">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.recency.map((rLabel, r) => (
            <tr key={rLabel}>
              <th scope="row">{rLabel}</th>
              {report.frequency.map((fLabel, fq) => {
                const cell = at(r, fq);
                const heat = heatOf(cell.people, max);
                const isSelected = selected?.r === r && selected.f === fq;
                return (
                  <td key={fLabel} class={`num cell ${heat.strong ? 'strong' : ''} ${isSelected ? 'selected' : ''}`} style={heat.vars}>
                    <button
                      type="button"
                      class="cell-button"
                      data-rfm-cell={`${r}:${fq}`}
                      aria-pressed={isSelected}
                      disabled={cell.people === 0}
                      aria-label={`${rLabel}, ${fLabel}: ${f.count(cell.people)} people, ${f.money(cell.revenue)}`}
                      onClick={() => onSelect({ r, f: fq })}
                    >
                      <strong>{f.count(cell.people)}</strong>
                      <br />
                      <small>{f.moneyWhole(cell.revenue)}</small>
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
