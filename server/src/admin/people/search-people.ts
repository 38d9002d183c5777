import type { InValue } from '@libsql/client';
import { isoTime } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { customerProfileId, visitorProfileId } from '../../lifecycle/profile-ids.ts';
import type { Stage } from '../../lifecycle/stages.ts';

export const MAX_RESULTS = 50;
/** devices listed per customer in a search result (the person page lists them all) */
const DEVICES_SHOWN = 20;

export interface PersonMatch {
  profileId: string;
  customerId: string | null;
  visitorIds: string[];
  stage: Stage | null;
  lastSeenAt: string;
}

/**
 * The upper end of a prefix range: text compares byte by byte (BINARY), and no UTF-8 character sorts after
 * U+10FFFF, so `x >= q AND x < q || U+10FFFF` is "starts with q" and stays a range on the index.
 */
const prefixEnd = (q: string) => `${q}\u{10FFFF}`;

interface VisitorRow {
  visitorId: string;
  customerId: string | null;
  lastSeenAt: number;
}

const visitorRow = (r: Record<string, unknown>): VisitorRow => ({
  visitorId: String(r.visitor_id),
  customerId: r.customer_id === null ? null : String(r.customer_id),
  lastSeenAt: Number(r.last_seen_at),
});

/** The two range reads of a search: visitor ids, then customer ids, starting with `q`. */
export function searchStatements(siteId: string, q: string): Array<{ sql: string; args: InValue[] }> {
  const range = (column: 'visitor_id' | 'customer_id') => ({
    sql: `SELECT visitor_id, customer_id, last_seen_at FROM visitors WHERE site_id = ? AND ${column} >= ? AND ${column} < ? ORDER BY ${column} LIMIT ?`,
    args: [siteId, q, prefixEnd(q), MAX_RESULTS * 4] as InValue[],
  });
  return [range('visitor_id'), range('customer_id')];
}

/**
 * People whose visitor id or customer id starts with `q` (exact matches first), at most 50. Two range reads
 * on the visitors table's keys (visitors_pk, visitors_site_customer_idx), whatever its size. A visitor of a
 * customer is found as that customer: one person, with their devices.
 */
export async function searchPeople(db: Db, siteId: string, query: string): Promise<PersonMatch[]> {
  // a profile id as the API shows it (c:…, v:…) finds its person too
  const q = /^[cv]:./.test(query) ? query.slice(2) : query;
  const [byVisitor, byCustomer] = await db.client.batch(searchStatements(siteId, q), 'read');
  const people = new Map<string, { customerId: string | null; visitors: VisitorRow[] }>();
  for (const v of [...byVisitor!.rows, ...byCustomer!.rows].map(visitorRow)) {
    const profileId = v.customerId ? customerProfileId(v.customerId) : visitorProfileId(v.visitorId);
    if (!people.has(profileId) && people.size >= MAX_RESULTS) continue;
    const p = people.get(profileId) ?? { customerId: v.customerId, visitors: [] };
    if (!p.visitors.some((x) => x.visitorId === v.visitorId)) p.visitors.push(v);
    people.set(profileId, p);
  }
  if (people.size === 0) return [];
  const ids = [...people.keys()];
  const marks = ids.map(() => '?').join(',');
  const customers = ids.filter((id) => id.startsWith('c:')).map((id) => id.slice(2));
  const [stages, devices] = await db.client.batch(
    [
      { sql: `SELECT profile_id, stage FROM profiles WHERE site_id = ? AND profile_id IN (${marks})`, args: [siteId, ...ids] },
      // every device of the customers found (the search may have matched only one of them)
      {
        sql: `SELECT visitor_id, customer_id, last_seen_at FROM visitors WHERE site_id = ? AND customer_id IN (${customers.map(() => '?').join(',') || "''"})`,
        args: [siteId, ...customers],
      },
    ],
    'read',
  );
  for (const v of devices!.rows.map(visitorRow)) {
    const p = people.get(customerProfileId(v.customerId!))!;
    if (!p.visitors.some((x) => x.visitorId === v.visitorId)) p.visitors.push(v);
  }
  const stageOf = new Map(stages!.rows.map((r) => [String(r.profile_id), (r.stage as Stage | null) ?? null]));
  const exact = (id: string, p: { customerId: string | null; visitors: VisitorRow[] }) => p.customerId === q || p.visitors.some((v) => v.visitorId === q) || id === query;
  return [...people.entries()]
    .map(([profileId, p]) => ({
      profileId,
      customerId: p.customerId,
      visitorIds: p.visitors.sort((a, b) => b.lastSeenAt - a.lastSeenAt).slice(0, DEVICES_SHOWN).map((v) => v.visitorId),
      stage: stageOf.get(profileId) ?? null,
      lastSeenAt: isoTime(p.visitors.reduce((latest, v) => Math.max(latest, v.lastSeenAt), -Infinity)), // no spread: a customer may have very many devices
      exact: exact(profileId, p),
    }))
    .sort((a, b) => Number(b.exact) - Number(a.exact) || (a.profileId < b.profileId ? -1 : 1))
    .map(({ exact: _, ...match }) => match);
}
