import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach } from 'vitest';

/** One line of a test file; `at` is `YYYY-MM-DD HH:MM:SS` or ms. */
export interface TestLine {
  invoice: string;
  code: string;
  description?: string;
  quantity: number;
  at: string | number;
  price: number;
  customer?: string;
}

const header = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';
const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const date = (at: string | number) => (typeof at === 'string' ? at : new Date(at).toISOString().slice(0, 19).replace('T', ' '));

export function uciCsv(lines: readonly TestLine[]): string {
  const rows = lines.map((l) => [l.invoice, l.code, quote(l.description ?? `PRODUCT ${l.code}`), l.quantity, date(l.at), l.price, l.customer ?? '', 'United Kingdom'].join(','));
  return `${[header, ...rows].join('\n')}\n`;
}

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** Writes the lines as a gzipped UCI file in a temp folder removed after the test; returns its path. */
export function writeUciFile(lines: readonly TestLine[] | string): string {
  const dir = mkdtempSync(join(tmpdir(), 'shoploop-uci-'));
  dirs.push(dir);
  const path = join(dir, 'onlineretail.csv.gz');
  writeFileSync(path, gzipSync(typeof lines === 'string' ? lines : uciCsv(lines)));
  return path;
}
