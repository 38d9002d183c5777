import type { Db } from '../../db/client.ts';
import { type RecEvent, recEventOfRow } from './rec-event.ts';

export interface EventWindow {
  /** oldest receipt time read, ms */
  since: number;
  /** at most this many of the site's newest events */
  maxEvents: number;
  pageSize: number;
}

/** only these events teach the models anything; the rest are not read */
const LEARNED = `('view_item', 'select_item', 'add_to_cart', 'remove_from_cart', 'purchase')`;

/**
 * A site's recent events in `seq` (commit) order, a page at a time so a rebuild never holds the table in
 * memory. The window starts at the later of `since` and the site's `maxEvents`-th newest learned event.
 */
export async function* recentEvents(db: Db, siteId: string, window: EventWindow): AsyncGenerator<{ visitorId: string; event: RecEvent }> {
  const start = await db.client.execute({
    sql: `SELECT seq FROM events WHERE site_id = ? AND name IN ${LEARNED} ORDER BY seq DESC LIMIT 1 OFFSET ?`,
    args: [siteId, window.maxEvents],
  });
  let after = Number(start.rows[0]?.seq ?? 0);
  for (;;) {
    const rs = await db.client.execute({
      sql: `SELECT seq, event_id, visitor_id, session_id, name, received_at, params FROM events
            WHERE site_id = ? AND seq > ? AND received_at >= ? AND name IN ${LEARNED} ORDER BY seq LIMIT ?`,
      args: [siteId, after, window.since, window.pageSize],
    });
    for (const row of rs.rows) yield { visitorId: String(row.visitor_id), event: recEventOfRow(row) };
    if (rs.rows.length < window.pageSize) return;
    after = Number(rs.rows.at(-1)!.seq);
  }
}
