import type { Db } from '../db/client.ts';

const CHUNK = 400;

/** Which of these event ids the site has stored already (one indexed lookup per 400 ids). */
export async function storedEventIds(db: Db, siteId: string, eventIds: readonly string[]): Promise<Set<string>> {
  const stored = new Set<string>();
  for (let i = 0; i < eventIds.length; i += CHUNK) {
    const chunk = eventIds.slice(i, i + CHUNK);
    const rs = await db.client.execute({
      sql: `SELECT event_id FROM events WHERE site_id = ? AND event_id IN (${chunk.map(() => '?').join(',')})`,
      args: [siteId, ...chunk],
    });
    for (const row of rs.rows) stored.add(String(row.event_id));
  }
  return stored;
}
