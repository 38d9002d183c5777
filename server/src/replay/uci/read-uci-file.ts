import { openFeedFile } from '../../catalog/import/open-feed-file.ts';
import { csvRecords } from './csv-records.ts';
import { parseUciRecord, uciColumns, type SkipReason, type UciLine, type UciRecord } from './uci-line.ts';

export interface UciFile {
  lines: UciLine[];
  /** lines of the file read (the header not counted) */
  linesRead: number;
  skipped: Map<SkipReason, number>;
}

/** Thrown when the file cannot be read or is not the UCI Online Retail layout. */
export class UciFileError extends Error {}

/**
 * Streams the UCI Online Retail CSV (gzipped or not) into parsed lines; lines that cannot be replayed are
 * counted by reason. `onProgress` gets the fraction of the file on disk read so far.
 */
export async function readUciFile(path: string, onProgress?: (fraction: number) => void): Promise<UciFile> {
  const file = await openFeedFile(path).catch((e: Error) => {
    throw new UciFileError(e.message);
  });
  const lines: UciLine[] = [];
  const skipped = new Map<SkipReason, number>();
  const positions = new Map<string, number>();
  let at: ColumnIndexes | undefined;
  const dates = new Map<string, number>(); // an invoice's lines share one date: parse each once
  let linesRead = 0;
  try {
    for await (const values of csvRecords(file.text)) {
      if (!at) {
        at = headerIndexes(values);
        continue;
      }
      linesRead++;
      const record: Partial<UciRecord> = {
        InvoiceNo: values[at.InvoiceNo],
        StockCode: values[at.StockCode],
        Description: values[at.Description],
        Quantity: values[at.Quantity],
        InvoiceDate: values[at.InvoiceDate],
        UnitPrice: values[at.UnitPrice],
        CustomerID: values[at.CustomerID],
      };
      const invoiceNo = (record.InvoiceNo ?? '').trim();
      const position = positions.get(invoiceNo) ?? 0;
      positions.set(invoiceNo, position + 1);
      const line = parseUciRecord(record, position, dates);
      if (typeof line === 'string') skipped.set(line, (skipped.get(line) ?? 0) + 1);
      else lines.push(line);
      if (onProgress && linesRead % 10_000 === 0) onProgress(Math.min(1, file.bytesRead() / file.size));
    }
  } catch (e) {
    if (e instanceof UciFileError) throw e;
    throw new UciFileError(`cannot read ${path}: ${(e as Error).message}`);
  }
  if (!at) throw new UciFileError(`${path} is empty`);
  onProgress?.(1);
  return { lines, linesRead, skipped };
}

type ColumnIndexes = Record<(typeof uciColumns)[number], number>;

function headerIndexes(header: string[]): ColumnIndexes {
  const names = header.map((h) => h.trim());
  const missing = uciColumns.filter((c) => !names.includes(c));
  if (missing.length > 0) throw new UciFileError(`not the UCI Online Retail layout: missing column(s) ${missing.join(', ')}; expected ${uciColumns.join(',')}`);
  return Object.fromEntries(uciColumns.map((c) => [c, names.indexOf(c)])) as ColumnIndexes;
}
