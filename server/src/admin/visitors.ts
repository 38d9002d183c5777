import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { isoTime as iso } from '../clock.ts';
import { events, visitors, type Visitor } from '../db/schema/events.ts';


export interface VisitorSummary {
  siteId: string;
  visitorId: string;
  customerId: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  timeZone: string | null;
  eventCount: number;
}

export interface EventView {
  id: string;
  name: string;
  sessionId: string;
  clientTs: string;
  receivedAt: string;
  url: string | null;
  referrer: string | null;
  timeZone: string | null;
  params: Record<string, unknown>;
}

export async function latestVisitors(db: Db, limit: number, siteId?: string): Promise<VisitorSummary[]> {
  const rows = await db.orm
    .select()
    .from(visitors)
    .where(siteId ? eq(visitors.siteId, siteId) : undefined)
    .orderBy(desc(visitors.lastSeenAt))
    .limit(limit);
  if (rows.length === 0) return [];
  const counts = await db.orm
    .select({ siteId: events.siteId, visitorId: events.visitorId, n: count() })
    .from(events)
    .where(inArray(events.visitorId, rows.map((r) => r.visitorId)))
    .groupBy(events.siteId, events.visitorId);
  const countOf = new Map(counts.map((c) => [`${c.siteId} ${c.visitorId}`, c.n]));
  return rows.map((v) => visitorSummary(v, countOf.get(`${v.siteId} ${v.visitorId}`) ?? 0));
}

/** A visitor row as the admin API shows it. */
export function visitorSummary(v: Visitor, eventCount: number): VisitorSummary {
  return {
    siteId: v.siteId,
    visitorId: v.visitorId,
    customerId: v.customerId,
    firstSeenAt: iso(v.firstSeenAt),
    lastSeenAt: iso(v.lastSeenAt),
    timeZone: v.timeZone,
    eventCount,
  };
}

/** Every site's visitor with this id (random ids make more than one a near impossibility, but it is possible). */
export async function visitorsById(db: Db, visitorId: string, siteId?: string) {
  return db.orm
    .select()
    .from(visitors)
    .where(and(eq(visitors.visitorId, visitorId), siteId ? eq(visitors.siteId, siteId) : undefined));
}

export async function visitorEvents(db: Db, siteId: string, visitorId: string): Promise<EventView[]> {
  const rows = await db.orm
    .select()
    .from(events)
    .where(and(eq(events.siteId, siteId), eq(events.visitorId, visitorId)))
    .orderBy(asc(events.clientTs), asc(events.seq)); // the order they happened on the device
  return rows.map((e) => ({
    id: e.eventId,
    name: e.name,
    sessionId: e.sessionId,
    clientTs: iso(e.clientTs),
    receivedAt: iso(e.receivedAt),
    url: e.url,
    referrer: e.referrer,
    timeZone: e.timeZone,
    params: JSON.parse(e.params) as Record<string, unknown>,
  }));
}
