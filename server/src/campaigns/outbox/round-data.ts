import type { Db } from '../../db/client.ts';
import type { StoredTarget } from '../../push/subscriptions/subscription-store.ts';

const WEEK = 7 * 86_400_000;
const CHUNK = 300;

/** What the contact policy needs of each person of a round, read in a few queries for the whole round. */
export interface PersonData {
  targets: StoredTarget[];
  timeZone: string | null;
  sentAt: number[];
}

/**
 * Subscriptions, time zone and recent sends of every person of one site in a round. A customer's browsers and
 * zone are those of all their devices (the zone of the device seen last).
 */
export async function readRoundData(db: Db, siteId: string, profileIds: string[], now: number): Promise<Map<string, PersonData>> {
  const out = new Map<string, PersonData>(profileIds.map((p) => [p, { targets: [], timeZone: null, sentAt: [] }]));
  const visitorIds = profileIds.filter((p) => p.startsWith('v:')).map((p) => p.slice(2));
  const customerIds = profileIds.filter((p) => p.startsWith('c:')).map((p) => p.slice(2));
  const zoneSeen = new Map<string, number>();

  for (const [column, ids, prefix] of [['visitor_id', visitorIds, 'v:'], ['customer_id', customerIds, 'c:']] as const) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const marks = chunk.map(() => '?').join(',');
      const people = await db.client.execute({
        sql: `SELECT v.${column} AS person, v.time_zone, v.last_seen_at, s.id, s.endpoint, s.p256dh, s.auth FROM visitors v
              LEFT JOIN push_subscriptions s ON s.site_id = v.site_id AND s.visitor_id = v.visitor_id
              WHERE v.site_id = ? AND v.${column} IN (${marks})`,
        args: [siteId, ...chunk],
      });
      for (const r of people.rows) {
        const data = out.get(prefix + String(r.person));
        if (!data) continue;
        if (r.id !== null) data.targets.push({ id: Number(r.id), endpoint: String(r.endpoint), p256dh: String(r.p256dh), auth: String(r.auth) });
        const seen = Number(r.last_seen_at);
        if (r.time_zone && seen >= (zoneSeen.get(prefix + String(r.person)) ?? -Infinity)) {
          data.timeZone = String(r.time_zone);
          zoneSeen.set(prefix + String(r.person), seen);
        }
      }
    }
  }
  // a visitor who subscribed before any event was stored has no visitors row yet
  const withoutRow = visitorIds.filter((v) => !zoneSeen.has(`v:${v}`) && out.get(`v:${v}`)!.targets.length === 0);
  for (let i = 0; i < withoutRow.length; i += CHUNK) {
    const chunk = withoutRow.slice(i, i + CHUNK);
    const rs = await db.client.execute({
      sql: `SELECT visitor_id, id, endpoint, p256dh, auth FROM push_subscriptions WHERE site_id = ? AND visitor_id IN (${chunk.map(() => '?').join(',')})`,
      args: [siteId, ...chunk],
    });
    for (const r of rs.rows) out.get(`v:${String(r.visitor_id)}`)!.targets.push({ id: Number(r.id), endpoint: String(r.endpoint), p256dh: String(r.p256dh), auth: String(r.auth) });
  }
  for (let i = 0; i < profileIds.length; i += CHUNK) {
    const chunk = profileIds.slice(i, i + CHUNK);
    const rs = await db.client.execute({
      sql: `SELECT profile_id, sent_at FROM messages WHERE site_id = ? AND profile_id IN (${chunk.map(() => '?').join(',')}) AND sent_at > ?`,
      args: [siteId, ...chunk, now - WEEK],
    });
    for (const r of rs.rows) out.get(String(r.profile_id))?.sentAt.push(Number(r.sent_at));
  }
  for (const data of out.values()) data.targets.sort((a, b) => a.id - b.id);
  return out;
}

