import type { Client, InStatement, InValue } from '@libsql/client';
import { productFields } from '../../db/schema/catalog.ts';
import { mergeObservations, type ProductObservation } from '../observation.ts';
import { readCurrent } from '../plan-writes.ts';

/** What one visitor's event says about a product. */
export interface VisitorObservation {
  visitorId: string;
  observation: ProductObservation;
}

export interface ReportPlan {
  statements: InStatement[];
  /** the parts of the observations that repeat the trusted values: safe to remember as known */
  confirmed: ProductObservation[];
  /** rows offered to `catalog_reports` (a visitor's repeat of its own report is ignored there) */
  reports: number;
}

// Multi-row inserts in a few fixed sizes, so the native write path prepares each text once (db/write-path.ts).
const SIZES = [64, 16, 4, 1];
const insertOf = (head: string, tail: string, columns: number) => {
  const row = `(${Array.from({ length: columns }, () => '?').join(',')})`;
  return new Map(SIZES.map((n) => [n, `${head} VALUES ${Array.from({ length: n }, () => row).join(',')} ${tail}`]));
};
const NEW_PRODUCTS = insertOf('INSERT INTO products (site_id, item_id, first_seen_at, updated_at)', 'ON CONFLICT (site_id, item_id) DO NOTHING', 4);
const NEW_REPORTS = insertOf('INSERT INTO catalog_reports (site_id, item_id, field, value, reporter, reported_at)', 'ON CONFLICT DO NOTHING', 6);

function* sized(rows: InValue[][], statements: Map<number, string>): Generator<InStatement> {
  let at = 0;
  for (const size of SIZES) {
    for (; rows.length - at >= size; at += size) yield { sql: statements.get(size)!, args: rows.slice(at, at + size).flat() };
  }
}

const asText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * What storefront events may write to the catalog: nothing a single visitor says is trusted. A field whose value
 * differs from the trusted one becomes a report of (item, field, value) by that visitor; the
 * `catalog_reports_promote` trigger makes the value trusted once enough distinct visitors reported it, in the
 * same transaction. A product not seen before gets a row with empty fields, so it is known. Only the items'
 * current rows are read (as the feed's planner does); the caller runs the statements in its atomic batch.
 */
export async function planEventReports(client: Client, siteId: string, observed: readonly VisitorObservation[], at: number): Promise<ReportPlan> {
  const plan: ReportPlan = { statements: [], confirmed: [], reports: 0 };
  if (observed.length === 0) return plan;
  // one observation per visitor and item (their later events win): a visitor reports a value once
  const byVisitor = new Map<string, ProductObservation[]>();
  for (const { visitorId, observation } of observed) {
    const list = byVisitor.get(visitorId) ?? byVisitor.set(visitorId, []).get(visitorId)!;
    list.push(observation);
  }
  const current = await readCurrent(client, siteId, [...new Set(observed.map((o) => o.observation.itemId))]);
  const newProducts = new Set<string>();
  const reportRows: InValue[][] = [];
  for (const [visitorId, list] of byVisitor) {
    for (const obs of mergeObservations(list)) {
      const trusted = current.get(obs.itemId);
      if (!trusted) newProducts.add(obs.itemId);
      const confirmed: ProductObservation = { itemId: obs.itemId };
      let any = false;
      for (const field of productFields) {
        const value = asText(obs[field]);
        if (value === null) continue;
        if (trusted && asText(trusted[field]) === value) {
          (confirmed as unknown as Record<string, unknown>)[field] = obs[field];
          any = true;
        } else reportRows.push([siteId, obs.itemId, field, value, visitorId, at]);
      }
      if (any) plan.confirmed.push(confirmed);
    }
  }
  plan.statements.push(...sized([...newProducts].map((itemId) => [siteId, itemId, at, at]), NEW_PRODUCTS));
  plan.statements.push(...sized(reportRows, NEW_REPORTS));
  plan.reports = reportRows.length;
  return plan;
}
