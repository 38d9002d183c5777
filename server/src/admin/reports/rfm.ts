import type { Db } from '../../db/client.ts';
import { parseProfileId } from '../../lifecycle/profile-ids.ts';
import { utcDay } from '../../lifecycle/read/period.ts';
import { money } from './money.ts';

const DAY = 86_400_000;

/** Recency: whole UTC days from the last order's day to today, inclusive ranges. */
export const recencyBuckets = [
  { label: '0–30 days', min: 0, max: 30 },
  { label: '31–90 days', min: 31, max: 90 },
  { label: '91–180 days', min: 91, max: 180 },
  { label: '181–365 days', min: 181, max: 365 },
  { label: 'over 365 days', min: 366, max: Number.POSITIVE_INFINITY },
] as const;

/** Frequency: orders that count (cancelled ones do not), inclusive ranges. */
export const frequencyBuckets = [
  { label: '1 order', min: 1, max: 1 },
  { label: '2 orders', min: 2, max: 2 },
  { label: '3–4 orders', min: 3, max: 4 },
  { label: '5–9 orders', min: 5, max: 9 },
  { label: '10+ orders', min: 10, max: Number.POSITIVE_INFINITY },
] as const;

export interface RfmCell {
  r: number;
  f: number;
  people: number;
  revenue: number;
}

const dayNumber = (day: string) => Math.floor(Date.parse(day) / DAY);
const bucketOf = (buckets: ReadonlyArray<{ min: number; max: number }>, v: number) => buckets.findIndex((b) => v >= b.min && v <= b.max);

/** Buyers and their revenue in every recency × frequency cell (all 25, empty ones too) as of `now`. */
export async function rfmGrid(db: Db, siteId: string, now: number): Promise<RfmCell[]> {
  const rs = await db.client.execute({ sql: 'SELECT day, orders, people, revenue FROM report_rfm_daily WHERE site_id = ? AND people > 0', args: [siteId] });
  const cells: RfmCell[] = [];
  for (let r = 0; r < recencyBuckets.length; r++) for (let f = 0; f < frequencyBuckets.length; f++) cells.push({ r, f, people: 0, revenue: 0 });
  const today = dayNumber(utcDay(now));
  for (const row of rs.rows) {
    // a last order after today (a clock set back) counts as today
    const r = bucketOf(recencyBuckets, Math.max(0, today - dayNumber(String(row.day))));
    const f = bucketOf(frequencyBuckets, Number(row.orders));
    if (r < 0 || f < 0) continue;
    const cell = cells[r * frequencyBuckets.length + f]!;
    cell.people += Number(row.people);
    cell.revenue += Number(row.revenue);
  }
  return cells.map((c) => ({ ...c, revenue: money(c.revenue) }));
}

export interface RfmPerson {
  profileId: string;
  customerId: string | null;
  lastOrderAt: string;
  orders: number;
  revenue: number;
}

/** Where a page of a cell's people ends: the last one's last-order time and profile id. */
export interface RfmCursor {
  lastOrderAt: number;
  profileId: string;
}

export const encodeCursor = (c: RfmCursor) => Buffer.from(JSON.stringify([c.lastOrderAt, c.profileId])).toString('base64url');

export function decodeCursor(raw: string): RfmCursor | null {
  try {
    const [lastOrderAt, profileId] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    return Number.isSafeInteger(lastOrderAt) && typeof profileId === 'string' ? { lastOrderAt: lastOrderAt as number, profileId } : null;
  } catch {
    return null;
  }
}

/** One page of a cell's buyers, most recent last order first (keyset paging: stable while buyers come and go). */
export async function rfmPeople(db: Db, siteId: string, cell: { r: number; f: number }, now: number, limit: number, after: RfmCursor | null) {
  const recency = recencyBuckets[cell.r]!;
  const frequency = frequencyBuckets[cell.f]!;
  const today = dayNumber(utcDay(now));
  // days since the last order in [min, max] ⇔ its day in [today − max, today − min]; today's cell takes later times too
  const since = Number.isFinite(recency.max) ? (today - recency.max) * DAY : Number.MIN_SAFE_INTEGER;
  const until = recency.min === 0 ? Number.MAX_SAFE_INTEGER : (today - recency.min + 1) * DAY;
  const cursor = after ?? { lastOrderAt: Number.MAX_SAFE_INTEGER, profileId: '' };
  const rs = await db.client.execute({
    sql: `SELECT profile_id, last_order_at, orders, revenue FROM report_buyers
          WHERE site_id = ? AND last_order_at >= ? AND last_order_at < ? AND orders >= ? AND orders <= ?
            AND (last_order_at < ? OR (last_order_at = ? AND (? = '' OR profile_id < ?)))
          ORDER BY last_order_at DESC, profile_id DESC LIMIT ?`,
    args: [siteId, since, until, frequency.min, Number.isFinite(frequency.max) ? frequency.max : Number.MAX_SAFE_INTEGER, cursor.lastOrderAt, cursor.lastOrderAt, after ? 'x' : '', cursor.profileId, limit + 1],
  });
  const rows = rs.rows.slice(0, limit);
  const people: RfmPerson[] = rows.map((r) => {
    const profileId = String(r.profile_id);
    return {
      profileId,
      customerId: customerIdOf(profileId),
      lastOrderAt: new Date(Number(r.last_order_at)).toISOString(),
      orders: Number(r.orders),
      revenue: money(Number(r.revenue)),
    };
  });
  const last = rows.at(-1);
  const next = rs.rows.length > limit && last ? encodeCursor({ lastOrderAt: Number(last.last_order_at), profileId: String(last.profile_id) }) : null;
  return { people, next };
}

function customerIdOf(profileId: string): string | null {
  const p = parseProfileId(profileId);
  return p.kind === 'customer' ? p.id : null;
}
