import { Hono } from 'hono';
import type { Db } from '../db/client.ts';
import type { DatabaseHealth } from './database-health.ts';
import type { WriteLockProbe } from './write-lock-probe.ts';

export type HealthBody = { ok: true } | { ok: false; database: { reason: string; since?: string } };

/**
 * GET /healthz — 200 `{ ok: true }` when the database answers a read and could be written now; else 503 with the
 * reason: the collector's writes failing (disk full, locked, read-only: since when and why), a read failing, or
 * the write lock held elsewhere (a local file). A load balancer takes the instance out; clients keep their queues.
 */
export function healthRoutes(db: Db, health: DatabaseHealth, probe: WriteLockProbe | null) {
  return new Hono().get('/healthz', async (c) => {
    const failing = health.writeProblem;
    if (failing) {
      return c.json({ ok: false, database: { reason: `writes fail: ${failing.reason}`, since: new Date(failing.since).toISOString() } } satisfies HealthBody, 503);
    }
    let reason: string | null;
    try {
      await db.client.execute('SELECT 1');
      reason = (await probe?.check()) ?? null;
    } catch (error) {
      reason = `reads fail: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (reason) return c.json({ ok: false, database: { reason } } satisfies HealthBody, 503);
    return c.json({ ok: true } satisfies HealthBody);
  });
}
