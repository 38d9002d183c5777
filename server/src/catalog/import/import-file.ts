import type { Db } from '../../db/client.ts';
import { findSite } from '../../sites/sites.ts';
import { detectFeedFormat, type FeedFormat } from './feed-format.ts';
import { createFeedProductReader } from './feed-product.ts';
import { FeedReadError, type FeedRow } from './feed-row.ts';
import { FeedWriter } from './feed-writer.ts';
import type { ImportReport, RejectedRow } from './import-report.ts';
import { openFeedFile } from './open-feed-file.ts';
import { parseFeed } from './parse-feed.ts';

export interface ImportOptions {
  /** defaults to what the file's extension says */
  format?: FeedFormat;
  /** resolves relative `url` and `image` values, e.g. http://localhost:8080 */
  baseUrl?: string | URL;
  /** the time recorded on every change; also decides which sale prices are in effect */
  now?: number;
  /** called as rows are read; `fractionRead` (0..1) is what a progress bar wants */
  onProgress?: (rowsDone: number, rowsTotal: number | undefined, fractionRead: number) => void;
  /** every rejected row, in file order (the report keeps only the first few) */
  onReject?: (rejected: RejectedRow) => void;
  /** rows per write transaction */
  chunkSize?: number;
}

/** A problem that stopped the import; `report` says what was read and written before it. */
export class CatalogImportError extends Error {
  override name = 'CatalogImportError';

  constructor(message: string, readonly report?: ImportReport) {
    super(message);
  }
}

const CHUNK_SIZE = 500;
const FIRST_FEW = 20;
const MAX_IGNORED_NAMES = 30;

function parseBaseUrl(base: string | URL | undefined): URL | undefined {
  if (base === undefined || base instanceof URL) return base;
  try {
    const url = new URL(base);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // reported below
  }
  throw new CatalogImportError(`base URL "${base}" is not an absolute http(s) URL`);
}

/**
 * Imports a product feed file into a site's catalog: JSON, JSON Lines, CSV/TSV or Google Merchant XML, gzipped
 * or not. The file is streamed and written in chunks (one transaction each), so memory stays flat; every
 * changed field lands in product_changes with source `feed`. Bad rows are rejected one by one, never the file.
 */
export async function importCatalogFile(db: Db, siteId: string, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  const site = await findSite(db, siteId);
  if (!site) throw new CatalogImportError(`no site "${siteId}"`);
  let format: FeedFormat;
  try {
    format = detectFeedFormat(file, options.format);
  } catch (e) {
    throw new CatalogImportError((e as Error).message);
  }
  const now = options.now ?? Date.now();
  const chunkSize = options.chunkSize ?? CHUNK_SIZE;
  const readProduct = createFeedProductReader({ baseUrl: parseBaseUrl(options.baseUrl), now });
  const writer = new FeedWriter(db, site.id, now, chunkSize);
  let rowsRead = 0;
  let rejected = 0;
  const firstRejected: RejectedRow[] = [];
  const ignored = new Set<string>();

  const reject = (row: FeedRow, reason: string, itemId?: string) => {
    const r: RejectedRow = { row: row.row, reason, ...(row.line !== undefined && { line: row.line }), ...(itemId !== undefined && { itemId }) };
    rejected++;
    if (firstRejected.length < FIRST_FEW) firstRejected.push(r);
    options.onReject?.(r);
  };

  const report = (): ImportReport => ({
    file,
    format,
    siteId: site.id,
    rowsRead,
    created: writer.created,
    updated: writer.updated,
    unchanged: writer.unchanged,
    changes: writer.changes,
    rejected,
    firstRejected,
    duplicates: writer.duplicates,
    firstDuplicateIds: writer.firstDuplicateIds,
    ignoredFields: [...ignored].sort(),
  });

  try {
    const feed = await openFeedFile(file);
    let rowsTotal: number | undefined;
    let lastProgressAt = 0;
    const progress = () => {
      lastProgressAt = rowsRead;
      const fraction = rowsTotal ? rowsRead / rowsTotal : feed.size ? feed.bytesRead() / feed.size : 1;
      options.onProgress?.(rowsRead, rowsTotal, Math.min(1, fraction));
    };
    for await (const row of parseFeed(format, feed.text)) {
      rowsRead++;
      rowsTotal = row.rowsInFeed;
      if ('unreadable' in row) reject(row, row.unreadable);
      else {
        const result = readProduct(row.fields);
        for (const name of result.ignored) if (ignored.size < MAX_IGNORED_NAMES) ignored.add(name);
        if (result.ok) await writer.add(result.product);
        else reject(row, result.reason, result.itemId);
      }
      if (rowsRead - lastProgressAt >= chunkSize) progress();
    }
    await writer.flush();
    rowsTotal = rowsRead;
    progress();
  } catch (e) {
    if (!(e instanceof FeedReadError)) throw e;
    // the rows read before the break are as good as any: write them, so the report matches the database
    await writer.flush();
    throw new CatalogImportError(e.message, report());
  }
  return report();
}
