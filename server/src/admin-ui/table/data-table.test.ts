// @vitest-environment happy-dom
import { h, render } from 'preact';
import { afterEach, expect, test } from 'vitest';
import { DataTable, tableCsv, type Column } from './data-table.tsx';

interface Row {
  name: string;
  revenue: number | null;
}

const columns: Array<Column<Row>> = [
  { label: 'Product', value: (r) => r.name },
  { label: 'Revenue', value: (r) => r.revenue, render: (r) => `€${r.revenue ?? '–'}`, numeric: true },
];
const rows: Row[] = [
  { name: '<img src=x onerror=alert(1)>', revenue: 12.5 },
  { name: '=cmd|"/c calc"!A1', revenue: null },
  { name: 'plain, with comma', revenue: 3 },
];

afterEach(() => render(null, document.body));

test('user text is shown as text: no element is made from it', () => {
  render(h(DataTable<Row>, { name: 'products', columns, rows }), document.body);
  const table = document.querySelector('[data-table=products]')!;
  expect(table.querySelector('img')).toBeNull();
  expect(table.querySelector('tbody td')!.textContent).toBe('<img src=x onerror=alert(1)>');
  expect(document.querySelector('[data-csv=products]')!.textContent).toBe('Export CSV');
});

test('the CSV has the raw values of every row, formula text neutralised', () => {
  expect(tableCsv(columns, rows)).toBe(
    ['Product,Revenue', '<img src=x onerror=alert(1)>,12.5', `"'=cmd|""/c calc""!A1",`, '"plain, with comma",3', ''].join('\r\n'),
  );
});

test('a header click sorts by the raw value, empty last; again reverses', async () => {
  render(h(DataTable<Row>, { name: 'products', columns, rows }), document.body);
  const sortBy = (i: number) => (document.querySelectorAll('th button.sort')[i] as HTMLButtonElement).click();
  const revenueColumn = () => [...document.querySelectorAll('tbody tr td:nth-child(2)')].map((td) => td.textContent);
  const settle = () => new Promise((r) => setTimeout(r, 0)); // Preact re-renders after the event
  sortBy(1);
  await settle();
  expect(revenueColumn()).toEqual(['€3', '€12.5', '€–']);
  sortBy(1);
  await settle();
  expect(revenueColumn()).toEqual(['€12.5', '€3', '€–']);
});

test('no rows: the empty text, and nothing to export', () => {
  render(h(DataTable<Row>, { name: 'none', columns, rows: [], empty: 'Nothing yet.' }), document.body);
  expect(document.querySelector('[data-table=none]')!.textContent).toContain('Nothing yet.');
  expect((document.querySelector('[data-csv=none]') as HTMLButtonElement).disabled).toBe(true);
});
