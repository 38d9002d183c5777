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
export const ATTRIBUTION_PAGE = `SELECT e.seq, e.visitor_id, e.name, e.received_at, e.url, e.params, v.customer_id
  FROM events e LEFT JOIN visitors v ON v.site_id = e.site_id AND v.visitor_id = e.visitor_id
  WHERE e.site_id = ? AND ${ATTRIBUTION_EVENTS} AND (e.received_at, e.seq) > (?, ?) AND e.received_at < ?
  ORDER BY e.received_at, e.seq LIMIT ?`;

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
export async function recommendationReport(db: Db, siteId: string, period: Period, pageTypeOf?: PageTypeOf): Promise<RecommendationReport> {
  const attribution = new Attribution(period.from, period.to);
  const typeOf = pageTypeOf ?? (await pageTypeClassifier(db, siteId));
  let after = { at: period.from - ATTRIBUTION_WINDOW_MS - 1, seq: Number.MAX_SAFE_INTEGER };
  for (;;) {
    const rs = await db.client.execute({ sql: ATTRIBUTION_PAGE, args: [siteId, after.at, after.seq, period.to, PAGE] });
    for (const row of rs.rows) {
      const person = row.customer_id ? customerProfileId(String(row.customer_id)) : visitorProfileId(String(row.visitor_id));
      const e = attributionEventOf(person, String(row.name), Number(row.received_at), String(row.params));
      if (e.name !== 'purchase') e.pageType = typeOf(row.url === null ? null : String(row.url));
      attribution.add(e);
    }
    if (rs.rows.length < PAGE) break;
    const last = rs.rows.at(-1)!;
    after = { at: Number(last.received_at), seq: Number(last.seq) };
  }
  return { ...attribution.report(), breakdown: attribution.breakdown() };
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
