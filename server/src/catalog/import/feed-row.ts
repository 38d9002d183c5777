/** One record as a feed parser read it, before any field is looked at: keys and values as in the file. */
export type RawFields = Record<string, unknown>;

interface RowPosition {
  /** 1-based position among the feed's records */
  row: number;
  /** 1-based line where the record starts, for formats that have lines */
  line?: number;
}

/** A record, or the reason it could not be read at all (a broken JSON line, a malformed XML item). */
export type FeedRow = RowPosition & {
  /** how many rows the whole feed has, when the format knows it before the end (a JSON document) */
  rowsInFeed?: number;
} & ({ fields: RawFields } | { unreadable: string });

/** Where a row sits in the file, the way a person looks for it in an editor. */
export const rowPlace = (r: RowPosition): string => (r.line !== undefined ? `line ${r.line}` : `row ${r.row}`);

/** A problem that stops reading the file (not just one row); `line` when known. */
export class FeedReadError extends Error {
  override name = 'FeedReadError';

  constructor(message: string, readonly line?: number) {
    super(line !== undefined ? `line ${line}: ${message}` : message);
  }
}
