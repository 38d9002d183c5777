import type { Db } from '../../db/client.ts';
import { findSite } from '../../sites/sites.ts';
import type { ProductObservation } from '../observation.ts';
import { planCatalogWrites } from '../plan-writes.ts';
import { detectFeedFormat, type FeedFormat } from './feed-format.ts';
import { createFeedProductReader } from './feed-product.ts';
import { FeedReadError, type FeedRow } from './feed-row.ts';
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
  const report: ImportReport = {
    file, format, siteId: site.id,
    rowsRead: 0, created: 0, updated: 0, unchanged: 0, changes: 0,
    rejected: 0, firstRejected: [], duplicates: 0, firstDuplicateIds: [], ignoredFields: [],
  };
  const ignored = new Set<string>();
  // Every id seen so far, to spot duplicates across chunks (ids only: a few MB for a million products).
  const seen = new Set<string>();
  let chunk = new Map<string, ProductObservation>();
  // ids in this chunk that an earlier chunk already wrote: their writes apply, but they are not counted again
  let repeats = new Set<string>();
  let distinct = 0;

  const reject = (row: FeedRow, reason: string, itemId?: string) => {
    const rejected: RejectedRow = { row: row.row, reason, ...(row.line !== undefined && { line: row.line }), ...(itemId !== undefined && { itemId }) };
    report.rejected++;
    if (report.firstRejected.length < FIRST_FEW) report.firstRejected.push(rejected);
    options.onReject?.(rejected);
  };

  const flush = async () => {
    const firstSeen: ProductObservation[] = [];
    const again: ProductObservation[] = [];
    for (const [id, product] of chunk) (repeats.has(id) ? again : firstSeen).push(product);
    const plan = await planCatalogWrites(db.client, site.id, firstSeen, now, 'feed');
    const replan = await planCatalogWrites(db.client, site.id, again, now, 'feed');
    const statements = [...plan.statements, ...replan.statements];
    if (statements.length > 0) await db.client.batch(statements, 'write');
    distinct += firstSeen.length;
    report.created += plan.created;
    report.updated += plan.updated;
    report.changes += plan.changes + replan.changes;
    chunk = new Map();
    repeats = new Set();
  };

  let rowsTotal: number | undefined;
  let lastProgressAt = 0;
  try {
    const feed = await openFeedFile(file);
    const progress = () => {
      lastProgressAt = report.rowsRead;
      const fraction = rowsTotal ? report.rowsRead / rowsTotal : feed.size ? feed.bytesRead() / feed.size : 1;
      options.onProgress?.(report.rowsRead, rowsTotal, Math.min(1, fraction));
    };
    for await (const row of parseFeed(format, feed.text)) {
      report.rowsRead++;
      rowsTotal = row.rowsInFeed;
      if ('unreadable' in row) reject(row, row.unreadable);
      else {
        const result = readProduct(row.fields);
        for (const name of result.ignored) if (ignored.size < MAX_IGNORED_NAMES) ignored.add(name);
        if (!result.ok) reject(row, result.reason, result.itemId);
        else {
          const id = result.product.itemId;
          if (seen.has(id)) {
            report.duplicates++;
            if (report.firstDuplicateIds.length < FIRST_FEW && !report.firstDuplicateIds.includes(id)) report.firstDuplicateIds.push(id);
            if (!chunk.has(id)) repeats.add(id);
          }
          seen.add(id);
          // the whole later row wins within a chunk; across chunks it overwrites the fields it sets
          chunk.delete(id);
          chunk.set(id, result.product);
          if (chunk.size >= chunkSize) await flush();
        }
      }
      if (report.rowsRead - lastProgressAt >= chunkSize) progress();
    }
    await flush();
    rowsTotal = report.rowsRead;
    progress();
  } catch (e) {
    if (e instanceof FeedReadError) throw new CatalogImportError(e.message, finish(report, distinct, ignored));
    throw e;
  }
  return finish(report, distinct, ignored);
}

function finish(report: ImportReport, distinct: number, ignored: Set<string>): ImportReport {
  report.unchanged = distinct - report.created - report.updated;
  report.ignoredFields = [...ignored].sort();
  return report;
}
