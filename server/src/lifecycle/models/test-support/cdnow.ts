import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PurchaseHistory } from '../bgnbd/purchase-history.ts';

// The CDNOW 1/10 sample (2,357 buyers, 39-week calibration, time in weeks) used by the BG/NBD paper and
// lifetimes. It lives outside the repo; tests that need it skip where it is absent.
// The repo root is found from this file, not the working directory, so any runner finds the data.
const REPO_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const CDNOW_DIR = resolve(REPO_ROOT, '../shared/data/cdnow');
export const CDNOW_SUMMARY_PATH = resolve(CDNOW_DIR, 'cdnow_customers_summary.csv');
export const CDNOW_SPEND_PATH = resolve(CDNOW_DIR, 'cdnow_customers_summary_with_transactions.csv');

export interface CdnowBuyer extends PurchaseHistory {
  /** zbar: mean spend of the repeat purchases (0 for one-time buyers). */
  meanSpend: number;
}

export function cdnowAvailable(path: string): boolean {
  const available = existsSync(path);
  if (!available) console.warn(`CDNOW sample not found at ${path}; skipping the checks against the published fit.`);
  return available;
}

/** `ID,frequency,recency,T` (weeks). */
export function readCdnowSummary(): PurchaseHistory[] {
  return readRows(CDNOW_SUMMARY_PATH, 4).map(([, frequency, recency, age]) => ({ frequency: frequency!, recency: recency!, age: age! }));
}

/** `ID,x,t_x,T,zbar` (weeks, dollars). */
export function readCdnowWithSpend(): CdnowBuyer[] {
  return readRows(CDNOW_SPEND_PATH, 5).map(([, frequency, recency, age, meanSpend]) => ({
    frequency: frequency!,
    recency: recency!,
    age: age!,
    meanSpend: meanSpend!,
  }));
}

/** Numeric CSV rows after the header; throws on a short or non-numeric row rather than fitting garbage. */
function readRows(path: string, columns: number): number[][] {
  const [, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  return lines.map((line, i) => {
    const cells = line.split(',').map(Number);
    if (cells.length !== columns || cells.some((cell) => !Number.isFinite(cell))) throw new Error(`${path}:${i + 2}: bad row "${line}"`);
    return cells;
  });
}
