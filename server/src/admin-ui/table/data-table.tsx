import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { useAppContext } from '../ui/app-context.ts';
import { downloadCsv, toCsv, type CsvValue } from './csv.ts';

export interface Column<R> {
  label: string;
  /** the raw value: what the CSV holds and what sorting compares */
  value(row: R): CsvValue;
  /** what the cell shows (default: the value as text); text only, Preact escapes it */
  render?(row: R): ComponentChild;
  numeric?: boolean;
  /** extra class of the cell (a heat-map's strength, a status) */
  cellClass?(row: R): string;
  /** CSS variables for the cell, set through the DOM (not a style attribute: CSP), e.g. a heat map's alpha */
  cellVars?(row: R): Record<string, string>;
}

interface Props<R> {
  /** the table's name: `data-table` / `data-csv` hooks and the CSV file name */
  name: string;
  caption?: string;
  columns: ReadonlyArray<Column<R>>;
  rows: readonly R[];
  rowKey?(row: R, index: number): string;
  /** shown instead of the table when there are no rows */
  empty?: string;
  /** rows kept in one page of the table (the CSV always has them all) */
  pageSize?: number;
}

/** The rows as the CSV export writes them: header labels, then raw values. */
export function tableCsv<R>(columns: ReadonlyArray<Column<R>>, rows: readonly R[]): string {
  return toCsv(
    columns.map((c) => c.label),
    rows.map((r) => columns.map((c) => c.value(r))),
  );
}

/** Ascending (1) or descending (-1) by value; empty values last either way. */
function sortOrder(a: CsvValue, b: CsvValue, dir: 1 | -1): number {
  const empty = (v: CsvValue) => v === null || v === undefined || v === '';
  if (empty(a) || empty(b)) return empty(a) === empty(b) ? 0 : empty(a) ? 1 : -1;
  return dir * (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)));
}

/** A table with sortable columns and a CSV export of its rows (client side: what is on screen is what is exported). */
export function DataTable<R>({ name, caption, columns, rows, rowKey, empty = 'Nothing in this period.', pageSize = 200 }: Props<R>) {
  const { exportScope } = useAppContext();
  const [sort, setSort] = useState<{ col: number; dir: 1 | -1 } | null>(null);
  const [shown, setShown] = useState(pageSize);
  const sorted = sort ? [...rows].sort((a, b) => sortOrder(columns[sort.col]!.value(a), columns[sort.col]!.value(b), sort.dir)) : rows;

  const exportCsv = () => downloadCsv(`shoploop-${name}${exportScope ? `-${exportScope}` : ''}.csv`, tableCsv(columns, sorted));

  return (
    <div class="data-table" data-table={name}>
      <div class="table-tools">
        {caption && <span class="table-caption">{caption}</span>}
        <span class="hint">{rows.length === 1 ? '1 row' : `${rows.length} rows`}</span>
        <button type="button" class="secondary small" data-csv={name} onClick={exportCsv} disabled={rows.length === 0}>
          Export CSV
        </button>
      </div>
      {rows.length === 0 ? (
        <p class="hint">{empty}</p>
      ) : (
        <div class="table-scroll">
          <table>
            {caption && <caption class="visually-hidden">{caption}</caption>}
            <thead>
              <tr>
                {columns.map((c, i) => {
                  const dir = sort?.col === i ? sort.dir : 0;
                  return (
                    <th key={c.label} class={c.numeric ? 'num' : ''} aria-sort={dir === 1 ? 'ascending' : dir === -1 ? 'descending' : 'none'}>
                      <button type="button" class="sort" onClick={() => setSort({ col: i, dir: dir === 1 ? -1 : 1 })}>
                        {c.label}
                        <span aria-hidden="true">{dir === 1 ? ' ▲' : dir === -1 ? ' ▼' : ''}</span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {sorted.slice(0, shown).map((r, i) => (
                <tr key={rowKey ? rowKey(r, i) : i}>
                  {columns.map((c) => (
                    <td key={c.label} class={`${c.numeric ? 'num' : ''} ${c.cellClass?.(r) ?? ''}`} style={c.cellVars?.(r)}>
                      {c.render ? c.render(r) : String(c.value(r) ?? '–')}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {sorted.length > shown && (
            <button type="button" class="secondary small more" onClick={() => setShown(shown + pageSize)}>
              Show {Math.min(pageSize, sorted.length - shown)} more of {sorted.length - shown}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
