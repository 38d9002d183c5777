import type { InValue, Row } from '@libsql/client';
import { isoTime } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import { buyerValue, readSiteModel } from '../../lifecycle/buyer-models.ts';
import { stageOf } from '../../lifecycle/person-view.ts';
import { customerProfileId, parseProfileId, visitorProfileId } from '../../lifecycle/profile-ids.ts';
import type { Stage } from '../../lifecycle/stages.ts';
import { money } from '../reports/money.ts';

/** How many of each list a person page shows, newest first. */
export const TIMELINE_CAPS = { events: 200, transitions: 100, messages: 100, reviews: 100, recClicks: 100 } as const;
/** devices read for a customer: a real person has a handful; a shop that identifies everyone as one id, thousands */
const MAX_DEVICES = 100;
/** devices read of one customer: a shop that identifies everyone under one id must not make a read unbounded */
const DEVICES_READ = 1000;

export interface PersonTimeline {
  person: {
    profileId: string;
    customerId: string | null;
    visitorIds: string[];
    stage: Stage;
    stageSince: string | null;
    rule: string | null;
    reason: string | null;
    firstSeenAt: string | null;
    lastEventAt: string | null;
    orders: number;
    revenue: number;
    /** expected spend over the next 12 months (BG/NBD × Gamma-Gamma), null before the site's models are fitted */
    clv: number | null;
    /** P(alive) under the site's BG/NBD model, null for a non-buyer or before a fit */
    alive: number | null;
  };
  events: Array<{ at: string; name: string; url: string | null; items: EventItem[]; value: number | null; visitorId: string }>;
  transitions: Array<{ at: string; from: Stage | null; to: Stage; rule: string; reason: string }>;
  messages: Array<{ at: string; campaign: string; status: string; reason: string | null; holdout: boolean; title: string | null }>;
  reviews: Array<{ at: string; itemId: string; rating: number; status: string; title: string | null; text: string | null }>;
  recClicks: Array<{ at: string; itemId: string; scenario: string | null }>;
}

interface EventItem {
  itemId: string;
  name: string | null;
  price: number | null;
  quantity: number | null;
}

interface StoredParams {
  items?: Array<{ item_id?: unknown; item_name?: unknown; price?: unknown; quantity?: unknown }>;
  value?: unknown;
  scenario?: unknown;
}

const num = (v: unknown) => (typeof v === 'number' ? v : null);
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const iso = (v: unknown) => isoTime(Number(v));
const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

function paramsOf(row: Row): StoredParams {
  try {
    return JSON.parse(String(row.params)) as StoredParams;
  } catch {
    return {}; // stored params are validated JSON; a damaged row shows without details
  }
}

const itemsOf = (p: StoredParams): EventItem[] =>
  (p.items ?? []).map((i) => ({ itemId: String(i.item_id ?? ''), name: str(i.item_name), price: num(i.price), quantity: num(i.quantity) }));

/**
 * The devices of a profile: a customer's by visitors_site_customer_idx (ordered by last visit, the planner may
 * otherwise walk the site's whole last-seen index to save the sort), or the visitor's row.
 */
export function devicesStatement(siteId: string, profileId: string): { sql: string; args: InValue[] } {
  const { kind, id } = parseProfileId(profileId);
  return kind === 'customer'
    ? { sql: 'SELECT visitor_id, customer_id, first_seen_at, last_seen_at FROM visitors INDEXED BY visitors_site_customer_idx WHERE site_id = ? AND customer_id = ? ORDER BY last_seen_at DESC LIMIT ?', args: [siteId, id, DEVICES_READ] }
    : { sql: 'SELECT visitor_id, customer_id, first_seen_at, last_seen_at FROM visitors WHERE site_id = ? AND visitor_id = ?', args: [siteId, id] };
}

/**
 * The person a profile id names, on one site: a customer `c:<id>` with every device, or a visitor `v:<id>`.
 * A visitor identified as a customer is that customer. Null when nothing is stored of them.
 */
export async function resolvePerson(db: Db, siteId: string, profileId: string): Promise<{ profileId: string; customerId: string | null; devices: Array<{ visitorId: string; firstSeenAt: number; lastSeenAt: number }> } | null> {
  const { kind, id } = parseProfileId(profileId);
  const rs = await db.client.execute(devicesStatement(siteId, profileId));
  const customer = rs.rows[0]?.customer_id;
  if (kind === 'visitor' && customer) return resolvePerson(db, siteId, customerProfileId(String(customer)));
  const devices = rs.rows.map((r) => ({ visitorId: String(r.visitor_id), firstSeenAt: Number(r.first_seen_at), lastSeenAt: Number(r.last_seen_at) }));
  if (devices.length === 0) {
    const profile = await db.client.execute({ sql: 'SELECT 1 FROM profiles WHERE site_id = ? AND profile_id = ?', args: [siteId, profileId] });
    if (profile.rows.length === 0) return null;
  }
  return { profileId, customerId: kind === 'customer' ? id : null, devices };
}

/**
 * The reads of one timeline, in this order: transitions, messages, reviews, then each device's latest events, then
 * each device's latest recommendation clicks. Each names its index: ordered by time, the planner may otherwise walk
 * the site's whole time index (stage_transitions_site_at_idx, messages_site_created_idx) to save a sort.
 */
export function timelineStatements(siteId: string, profileId: string, devices: string[]): Array<{ sql: string; args: InValue[] }> {
  const profileIds = [profileId, ...devices.map(visitorProfileId).filter((p) => p !== profileId)];
  const perDevice = (sql: string, cap: number): Array<{ sql: string; args: InValue[] }> => devices.map((v) => ({ sql: `${sql} ORDER BY seq DESC LIMIT ${cap}`, args: [siteId, v] }));
  return [
    { sql: `SELECT from_stage, to_stage, at, rule, reason FROM stage_transitions INDEXED BY stage_transitions_profile_idx WHERE site_id = ? AND profile_id IN (${marks(profileIds.length)}) ORDER BY at DESC, id DESC LIMIT ${TIMELINE_CAPS.transitions}`, args: [siteId, ...profileIds] },
    { sql: `SELECT created_at, campaign, status, reason, holdout, title FROM messages INDEXED BY messages_person_idx WHERE site_id = ? AND profile_id IN (${marks(profileIds.length)}) ORDER BY created_at DESC, id DESC LIMIT ${TIMELINE_CAPS.messages}`, args: [siteId, ...profileIds] },
    { sql: `SELECT created_at, item_id, rating, status, title, body FROM reviews INDEXED BY reviews_visitor_idx WHERE site_id = ? AND visitor_id IN (${marks(Math.max(1, devices.length))}) ORDER BY created_at DESC, id DESC LIMIT ${TIMELINE_CAPS.reviews}`, args: [siteId, ...(devices.length ? devices : [''])] },
    ...perDevice('SELECT seq, visitor_id, name, received_at, url, params FROM events INDEXED BY events_site_visitor_idx WHERE site_id = ? AND visitor_id = ?', TIMELINE_CAPS.events),
    ...perDevice(`SELECT seq, received_at, params FROM events INDEXED BY events_site_visitor_idx WHERE site_id = ? AND visitor_id = ? AND name = 'rec_click'`, TIMELINE_CAPS.recClicks),
  ];
}

/**
 * Everything the admin shows of one person, newest first and capped: events of every device, stage changes with
 * their reasons, contact decisions (sent, deferred, held out, dropped, and why), reviews and recommendation
 * clicks. Each list is a range read of an index on (site, visitor or profile, order), so its cost is the
 * person's, not the shop's: events_site_visitor_idx, stage_transitions_profile_idx, messages_person_idx,
 * reviews_visitor_idx.
 */
export async function personTimeline(db: Db, siteId: string, profileId: string, now: number): Promise<PersonTimeline | null> {
  const found = await resolvePerson(db, siteId, profileId);
  if (!found) return null;
  const devices = found.devices.slice(0, MAX_DEVICES).map((d) => d.visitorId);
  const statements = timelineStatements(siteId, found.profileId, devices);
  const [transitions, messages, reviews, ...rest] = await db.client.batch(statements, 'read');
  const events = rest.slice(0, devices.length).flatMap((r) => r.rows);
  const clicks = rest.slice(devices.length).flatMap((r) => r.rows);
  const newest = (a: Row, b: Row) => Number(b.seq) - Number(a.seq);

  const { facts, ...stage } = await stageOf(db, siteId, found.profileId);
  const value = facts ? buyerValue(await readSiteModel(db, siteId), facts, now) : null;
  const firstSeen = found.devices.reduce((first, d) => Math.min(first, d.firstSeenAt), facts?.firstSeenAt ?? Infinity);
  const lastEvent = found.devices.reduce((last, d) => Math.max(last, d.lastSeenAt), facts?.lastEventAt ?? -Infinity);
  return {
    person: {
      profileId: found.profileId,
      customerId: found.customerId,
      visitorIds: found.devices.map((d) => d.visitorId),
      stage: stage.stage,
      stageSince: stage.since,
      rule: stage.rule,
      reason: stage.reason,
      firstSeenAt: Number.isFinite(firstSeen) ? isoTime(firstSeen) : null,
      lastEventAt: Number.isFinite(lastEvent) ? isoTime(lastEvent) : null,
      orders: facts?.orders.length ?? 0,
      revenue: money(facts?.revenue ?? 0),
      clv: value?.clv12Months ?? null,
      alive: value?.pAlive ?? null,
    },
    events: events
      .sort(newest)
      .slice(0, TIMELINE_CAPS.events)
      .map((r) => {
        const p = paramsOf(r);
        return { at: iso(r.received_at), name: String(r.name), url: str(r.url), items: itemsOf(p), value: num(p.value), visitorId: String(r.visitor_id) };
      }),
    transitions: transitions!.rows.map((r) => ({ at: iso(r.at), from: (r.from_stage as Stage | null) ?? null, to: r.to_stage as Stage, rule: String(r.rule), reason: String(r.reason) })),
    messages: messages!.rows.map((r) => ({ at: iso(r.created_at), campaign: String(r.campaign), status: String(r.status), reason: str(r.reason), holdout: Number(r.holdout) === 1, title: str(r.title) })),
    reviews: reviews!.rows.map((r) => ({ at: iso(r.created_at), itemId: String(r.item_id), rating: Number(r.rating), status: String(r.status), title: str(r.title), text: str(r.body) })),
    recClicks: clicks
      .sort(newest)
      .flatMap((r) => {
        const p = paramsOf(r);
        return itemsOf(p).map((i) => ({ at: iso(r.received_at), itemId: i.itemId, scenario: str(p.scenario) }));
      })
      .slice(0, TIMELINE_CAPS.recClicks),
  };
}
