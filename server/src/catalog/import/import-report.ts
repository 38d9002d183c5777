import type { FeedFormat } from './feed-format.ts';

export interface RejectedRow {
  row: number;
  line?: number;
  itemId?: string;
  reason: string;
}

/** What one feed import did. Products are counted once each, by the first row that names them. */
export interface ImportReport {
  file: string;
  format: FeedFormat;
  siteId: string;
  /** every record found, accepted or rejected */
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  /** product fields that changed, each recorded in product_changes with source `feed` */
  changes: number;
  rejected: number;
  /** the first few rejected rows, in file order; `onReject` sees all of them */
  firstRejected: RejectedRow[];
  /** rows repeating an id an earlier row had (the later row wins) */
  duplicates: number;
  firstDuplicateIds: string[];
  /** column or element names that map to no product field, normalized */
  ignoredFields: string[];
}

/** Rows that made it in: created, updated, unchanged or a later duplicate. */
export const rowsAccepted = (r: ImportReport): number => r.rowsRead - r.rejected;

const count = (n: number) => n.toLocaleString('en-US');
const where = (r: RejectedRow) => (r.line !== undefined ? `line ${r.line}` : `row ${r.row}`);

/** The report as the CLI prints it. */
export function formatImportReport(report: ImportReport): string {
  const lines = [`Catalog import of ${report.file} (${report.format}) into site ${report.siteId}`];
  const rows: Array<[string, number, string?]> = [
    ['rows read', report.rowsRead],
    ['created', report.created],
    ['updated', report.updated],
    ['unchanged', report.unchanged],
    ['rejected', report.rejected],
  ];
  if (report.duplicates > 0) {
    rows.push(['duplicate ids', report.duplicates, `the last row for an id wins: ${report.firstDuplicateIds.join(', ')}${report.duplicates > report.firstDuplicateIds.length ? ', …' : ''}`]);
  }
  rows.push(['field changes', report.changes, 'kept in each product’s history']);
  const width = Math.max(...rows.map(([, n]) => count(n).length));
  for (const [label, n, note] of rows) lines.push(`  ${label.padEnd(16)}${count(n).padStart(width)}${note ? `  (${note})` : ''}`);
  if (report.ignoredFields.length > 0) lines.push(`  ignored fields: ${report.ignoredFields.join(', ')}`);
  if (report.firstRejected.length > 0) {
    const shown = report.firstRejected.length < report.rejected ? `first ${report.firstRejected.length} of ${count(report.rejected)}` : count(report.rejected);
    lines.push('', `Rejected rows (${shown}):`);
    const placeWidth = Math.max(...report.firstRejected.map((r) => where(r).length));
    for (const r of report.firstRejected) lines.push(`  ${where(r).padEnd(placeWidth)}  ${r.itemId ? `${r.itemId}: ` : ''}${r.reason}`);
  }
  return lines.join('\n');
}
