import type { Row } from '@libsql/client';
import type { Db } from '../../db/client.ts';
import { ATTRIBUTION_EVENTS } from '../../db/schema/events.ts';
import { customerProfileId, visitorProfileId } from '../../lifecycle/profile-ids.ts';
import type { Period } from '../../lifecycle/read/period.ts';
import { Attribution, ATTRIBUTION_WINDOW_MS, type AttributionEvent, type BreakdownCell, type AttributionTotals, type ScenarioFigures } from './attribution.ts';
import { pageTypeClassifier, type PageTypeOf } from './page-type.ts';

const PAGE = 5000;

/**
 * One page of the report's events after (received_at, seq) and before the period's end, in that order. The row
 * value keeps both ends of the range on the partial index (an OR of the two made SQLite walk every earlier row
 * of the site on each page); its WHERE repeats the index's own condition, so SQLite may use it.
 */
export const ATTRIBUTION_PAGE = `SELECT e.seq, e.visitor_id, e.name, e.received_at, e.url, e.params
  FROM events e
  WHERE e.site_id = ? AND ${ATTRIBUTION_EVENTS} AND (e.received_at, e.seq) > (?, ?) AND e.received_at < ?
  ORDER BY e.received_at, e.seq LIMIT ?`;

/** The day before a period supplies only clicks (and purchases that use them up): its impressions are not read. */
export const WARM_UP_PAGE = ATTRIBUTION_PAGE.replace('AND (e.received_at, e.seq)', "AND e.name != 'rec_impression' AND (e.received_at, e.seq)");

interface StoredParams {
  scenario?: string;
  transaction_id?: string;
  value?: number;
  currency?: string;
  items?: Array<{ item_id: string; price?: number; quantity?: number }>;
}

export interface RecommendationReport {
  scenarios: ScenarioFigures[];
  totals: AttributionTotals;
  /** per day, scenario and page type (the admin's Recommendations page, daily-rollup.ts) */
  breakdown: BreakdownCell[];
}

/**
 * What each recommendation scenario earned in the period. Reads only the rows of the partial index
 * `events_site_attribution_idx` (impressions, clicks, orders), a page at a time in time order, from a day
 * before the period so a click just before it can still earn a purchase in it.
 */
export async function recommendationReport(db: Db, siteId: string, period: Period, pageTypeOf?: PageTypeOf, warmUp: 'day-before' | 'buyers' = 'day-before'): Promise<RecommendationReport> {
  const attribution = new Attribution(period.from, period.to);
  const typeOf = pageTypeOf ?? (await pageTypeClassifier(db, siteId));
  const customers = new CustomerCache(db, siteId);
  const addRows = async (rows: Row[]) => {
    // only clicks and purchases meet across devices: impressions (most rows) need no person
    await customers.load(rows.filter((r) => r.name !== 'rec_impression').map((r) => String(r.visitor_id)));
    for (const row of rows) {
      const visitor = String(row.visitor_id);
      const customer = row.name === 'rec_impression' ? null : customers.of(visitor);
      const person = customer ? customerProfileId(customer) : visitorProfileId(visitor);
      const e = attributionEventOf(person, String(row.name), Number(row.received_at), String(row.params));
      if (e.name !== 'purchase') e.pageType = typeOf(row.url === null ? null : String(row.url));
      attribution.add(e);
    }
  };
  const pages = async function* (sql: string, from: number, to: number) {
    let after = { at: from - 1, seq: Number.MAX_SAFE_INTEGER };
    for (;;) {
      const rs = await db.client.execute({ sql, args: [siteId, after.at, after.seq, to, PAGE] });
      yield rs.rows;
      if (rs.rows.length < PAGE) break;
      const last = rs.rows.at(-1)!;
      after = { at: Number(last.received_at), seq: Number(last.seq) };
    }
  };
  if (warmUp === 'day-before') {
    for await (const rows of pages(WARM_UP_PAGE, period.from - ATTRIBUTION_WINDOW_MS, period.from)) await addRows(rows);
    for await (const rows of pages(ATTRIBUTION_PAGE, period.from, period.to)) await addRows(rows);
  } else {
    const rows: Row[] = [];
    for await (const page of pages(ATTRIBUTION_PAGE, period.from, period.to)) rows.push(...page);
    const buyers = [...new Set(rows.filter((r) => r.name === 'purchase').map((r) => String(r.visitor_id)))];
    await addRows(await buyersDayBefore(db, siteId, buyers, customers, period.from));
    await addRows(rows);
  }
  return { ...attribution.report(), breakdown: attribution.breakdown() };
}

/**
 * The day before a period as far as its buyers are concerned: their clicks (and purchases, which use clicks up) on
 * every device of theirs, in time order. Nobody else's clicks can earn anything in the period, so for a short
 * period (an hour: the Recommendations page's live part) this reads a few rows per buyer through
 * events_site_visitor_idx instead of the whole day's clicks.
 */
async function buyersDayBefore(db: Db, siteId: string, buyers: string[], customers: CustomerCache, from: number): Promise<Row[]> {
  if (buyers.length === 0) return [];
  await customers.load(buyers);
  const customerIds = [...new Set(buyers.map((v) => customers.of(v)).filter((c): c is string => c !== null))];
  const devices = new Set(buyers);
  for (let i = 0; i < customerIds.length; i += 500) {
    const chunk = customerIds.slice(i, i + 500);
    const rs = await db.client.execute({ sql: `SELECT visitor_id FROM visitors WHERE site_id = ? AND customer_id IN (${chunk.map(() => '?').join(',')})`, args: [siteId, ...chunk] });
    for (const r of rs.rows) devices.add(String(r.visitor_id));
  }
  const out: Row[] = [];
  const list = [...devices];
  for (let i = 0; i < list.length; i += 500) {
    const chunk = list.slice(i, i + 500);
    const rs = await db.client.execute({
      sql: `SELECT seq, visitor_id, name, received_at, url, params FROM events INDEXED BY events_site_visitor_idx
            WHERE site_id = ? AND visitor_id IN (${chunk.map(() => '?').join(',')}) AND name IN ('rec_click', 'purchase') AND received_at >= ? AND received_at < ?`,
      args: [siteId, ...chunk, from - ATTRIBUTION_WINDOW_MS, from],
    });
    out.push(...rs.rows);
  }
  return out.sort((a, b) => Number(a.received_at) - Number(b.received_at) || Number(a.seq) - Number(b.seq));
}

/** Visitor → customer for one report: each visitor looked up once, a page's new ones in one statement. */
class CustomerCache {
  private readonly known = new Map<string, string | null>();
  constructor(private readonly db: Db, private readonly siteId: string) {}

  async load(visitors: string[]): Promise<void> {
    const missing = [...new Set(visitors)].filter((v) => !this.known.has(v));
    for (let i = 0; i < missing.length; i += 500) {
      const chunk = missing.slice(i, i + 500);
      const rs = await this.db.client.execute({
        sql: `SELECT visitor_id, customer_id FROM visitors WHERE site_id = ? AND visitor_id IN (${chunk.map(() => '?').join(',')})`,
        args: [this.siteId, ...chunk],
      });
      for (const v of chunk) this.known.set(v, null);
      for (const r of rs.rows) this.known.set(String(r.visitor_id), r.customer_id === null ? null : String(r.customer_id));
    }
  }

  of(visitor: string): string | null {
    return this.known.get(visitor) ?? null;
  }
}

function attributionEventOf(person: string, name: string, at: number, json: string): AttributionEvent {
  let p: StoredParams = {};
  try {
    p = JSON.parse(json) as StoredParams;
  } catch {
    // stored params are validated JSON; a damaged row counts without its details
  }
  return {
    person,
    name: name as AttributionEvent['name'],
    at,
    scenario: p.scenario,
    transactionId: p.transaction_id,
    value: p.value,
    currency: p.currency,
    items: (p.items ?? []).map((i) => ({ itemId: i.item_id, price: i.price, quantity: i.quantity })),
  };
}
