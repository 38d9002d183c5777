import { setImmediate } from 'node:timers/promises';
import type { Db } from '../../db/client.ts';
import { type RecEvent, recEventOfRow } from './rec-event.ts';

export interface EventWindow {
  /** oldest receipt time read, ms */
  since: number;
  /** at most this many of the site's newest events */
  maxEvents: number;
  pageSize: number;
}

/** only these events teach the models anything; the rest are not read from the table */
export const learnedEventNames: ReadonlySet<string> = new Set(['view_item', 'select_item', 'add_to_cart', 'remove_from_cart', 'purchase']);
const LEARNED = `(${[...learnedEventNames].map((n) => `'${n}'`).join(', ')})`;

/**
 * A site's recent events in `seq` (commit) order, a page at a time so a rebuild never holds the table in
 * memory. The window starts at the later of `since` and the site's `maxEvents`-th newest learned event.
 *
 * Both reads walk the table by `seq` (the rowid). `+site_id` keeps SQLite off the (site, visitor, seq) index:
 * through it every page read all the site's rows and sorted them by seq, so a rebuild of 1,000,000 events
 * read the site 200 times over (minutes). By rowid each page starts where the last ended and stops at
 * `pageSize` rows; other sites' rows in between are skipped inside SQLite, never reaching JavaScript.
 */
export async function* windowEvents(db: Db, siteId: string, window: EventWindow): AsyncGenerator<{ seq: number; visitorId: string; event: RecEvent }> {
  let after = await windowStart(db, siteId, window.maxEvents);
  for (;;) {
    const rs = await db.client.execute({
      sql: `SELECT seq, event_id, visitor_id, session_id, name, received_at, params FROM events
            WHERE +site_id = ? AND seq > ? AND received_at >= ? AND name IN ${LEARNED} ORDER BY seq LIMIT ?`,
      args: [siteId, after, window.since, window.pageSize],
    });
    for (const row of rs.rows) yield { seq: Number(row.seq), visitorId: String(row.visitor_id), event: recEventOfRow(row) };
    if (rs.rows.length < window.pageSize) return;
    after = Number(rs.rows.at(-1)!.seq);
  }
}

/**
 * The site's learned events an OFFSET passes in one query while the window's start is looked for: ~30 ms of a
 * blocked event loop when the site's learned events fill the table; other sites' rows and unlearned events in
 * between are walked too, and make a step longer.
 */
const START_STEP = 100_000;

/**
 * The seq after which the site's newest `maxEvents` learned events begin (0 when it has fewer). Found in steps
 * of START_STEP rows, with a turn of the event loop between them: one OFFSET over a million rows held the
 * loop for about 280 ms, which a rebuild beside live traffic cannot afford.
 */
export async function windowStart(db: Db, siteId: string, maxEvents: number, stepRows = START_STEP): Promise<number> {
  let below = Number.MAX_SAFE_INTEGER;
  for (let left = maxEvents; left > 0; ) {
    const step = Math.min(left, stepRows);
    // the step-th newest learned event below `below`
    const rs = await db.client.execute({
      sql: `SELECT seq FROM events WHERE seq < ? AND +site_id = ? AND name IN ${LEARNED} ORDER BY seq DESC LIMIT 1 OFFSET ?`,
      args: [below, siteId, step - 1],
    });
    if (rs.rows.length === 0) return 0; // fewer than maxEvents in all
    below = Number(rs.rows[0]!.seq);
    left -= step;
    await setImmediate();
  }
  return below - 1; // `below` is the maxEvents-th newest: reading starts at it
}

/** The newest event's seq of the whole table: where reading "what came since" starts. */
export async function newestSeq(db: Db): Promise<number> {
  const rs = await db.client.execute('SELECT max(seq) AS seq FROM events');
  return Number(rs.rows[0]?.seq ?? 0);
}

/**
 * A site's learned events with `afterSeq < seq <= untilSeq`, in commit order, at most `limit` of them. `seq` is
 * the rowid, so this is a range read from the table's end however large the table is. `+site_id` keeps SQLite
 * on that range: offered the (site, visitor, seq) index it read and sorted every row of the site instead
 * (43 ms at 1,000,000 events, every 5 s, blocking the requests meanwhile).
 */
export async function eventsBetween(db: Db, siteId: string, afterSeq: number, untilSeq: number, limit: number): Promise<Array<{ seq: number; visitorId: string; event: RecEvent }>> {
  const rs = await db.client.execute({
    sql: `SELECT seq, event_id, visitor_id, session_id, name, received_at, params FROM events
          WHERE seq > ? AND seq <= ? AND +site_id = ? AND name IN ${LEARNED} ORDER BY seq LIMIT ?`,
    args: [afterSeq, untilSeq, siteId, limit],
  });
  return rs.rows.map((row) => ({ seq: Number(row.seq), visitorId: String(row.visitor_id), event: recEventOfRow(row) }));
}
