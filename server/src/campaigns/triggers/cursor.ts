import type { Db } from '../../db/client.ts';

/**
 * Runs `work` for one site's named stream at most once per `everyMs` across all instances: the cursor row is
 * claimed with a lease (as due people are), and `work` returns the position to go on from next time. A new
 * cursor starts at `start()` (e.g. the newest catalog change), so switching campaigns on sends nothing for the
 * past. A claim left by a crashed instance runs out after `claimMs`.
 */
export async function withCursor(
  db: Db,
  siteId: string,
  name: string,
  now: number,
  options: { everyMs: number; claimMs?: number; start: () => Promise<number> },
  work: (position: number) => Promise<number>,
): Promise<boolean> {
  const claimUntil = now + (options.claimMs ?? 60_000);
  // a read first: the timer asks every second, and a cursor is due far less often
  const current = (await db.client.execute({ sql: 'SELECT run_at, claim_until FROM campaign_cursors WHERE site_id = ? AND name = ?', args: [siteId, name] })).rows[0];
  if (!current) {
    await db.write.run([{ sql: 'INSERT OR IGNORE INTO campaign_cursors (site_id, name, position) VALUES (?, ?, ?)', args: [siteId, name, await options.start()] }]);
  } else if ((current.run_at !== null && Number(current.run_at) > now) || (current.claim_until !== null && Number(current.claim_until) >= now)) {
    return false;
  }
  const rs = await db.client.execute({
    sql: `UPDATE campaign_cursors SET claim_until = ? WHERE site_id = ? AND name = ? AND (claim_until IS NULL OR claim_until < ?) AND (run_at IS NULL OR run_at <= ?)
          RETURNING position`,
    args: [claimUntil, siteId, name, now, now],
  });
  if (rs.rows.length === 0) return false;
  let position = Number(rs.rows[0]!.position);
  try {
    position = await work(position);
  } finally {
    await db.write.run([
      { sql: 'UPDATE campaign_cursors SET position = ?, run_at = ?, claim_until = NULL WHERE site_id = ? AND name = ? AND claim_until = ?', args: [position, now + options.everyMs, siteId, name, claimUntil] },
    ]);
  }
  return true;
}
