import type { Client, InStatement, InValue } from '@libsql/client';
import type { Clock } from '../clock.ts';
import { observationsFromEvents } from '../catalog/from-events.ts';
import { planCatalogWrites } from '../catalog/plan-writes.ts';
import type { CollectBatch } from './schema.ts';

export interface WriteResult {
  stored: number;
  duplicates: number;
}

interface Pending {
  siteId: string;
  batch: CollectBatch;
  resolve(result: WriteResult): void;
  reject(error: unknown): void;
}

export interface EventWriterOptions {
  /** most events committed in one transaction */
  maxRows?: number;
}

const EVENT_COLUMNS =
  'site_id, event_id, visitor_id, session_id, name, client_ts, received_at, url, referrer, time_zone, params';
const ROWS_PER_INSERT = 500; // 11 columns × 500 rows stays far below SQLite's bound-variable limit

/**
 * Funnels every event write of this instance through one serialized writer with group commit: requests that
 * arrive while a transaction runs are committed together in the next one, as a multi-row insert (the fast
 * path measured in ../shared/perf-notes.md). A request is answered only after its events are committed, so an
 * acknowledgement always means stored; a repeated event id is skipped by the unique index.
 */
export class EventWriter {
  private queue: Pending[] = [];
  private running: Promise<void> | null = null;
  private readonly maxRows: number;

  constructor(
    private readonly client: Client,
    private readonly clock: Clock,
    options: EventWriterOptions = {},
  ) {
    this.maxRows = options.maxRows ?? 2000;
  }

  write(siteId: string, batch: CollectBatch): Promise<WriteResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ siteId, batch, resolve, reject });
      this.running ??= this.drain();
    });
  }

  /** Resolves once everything queued so far is committed (used at shutdown). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    // Let the requests already parsed in this turn of the event loop join the first transaction.
    await new Promise((r) => setImmediate(r));
    try {
      while (this.queue.length > 0) {
        const group: Pending[] = [];
        let rows = 0;
        while (this.queue.length > 0 && (group.length === 0 || rows + this.queue[0]!.batch.events.length <= this.maxRows)) {
          const next = this.queue.shift()!;
          rows += next.batch.events.length;
          group.push(next);
        }
        await this.commit(group).then(
          (results) => group.forEach((p, i) => p.resolve(results[i]!)),
          (error: unknown) => group.forEach((p) => p.reject(error)),
        );
      }
    } finally {
      this.running = null;
    }
  }

  private async commit(group: Pending[]): Promise<WriteResult[]> {
    const now = this.clock.now();
    const statements: InStatement[] = [];
    const inserts: number[] = []; // indexes of the event insert statements in `statements`

    let rows: InValue[][] = [];
    const flushRows = () => {
      if (rows.length === 0) return;
      inserts.push(statements.length);
      statements.push({
        sql: `INSERT INTO events (${EVENT_COLUMNS}) VALUES ${rows.map(() => '(?,?,?,?,?,?,?,?,?,?,?)').join(',')}
              ON CONFLICT (site_id, event_id) DO NOTHING RETURNING site_id, event_id`,
        args: rows.flat(),
      });
      rows = [];
    };

    for (const { siteId, batch: b } of group) {
      for (const e of b.events) {
        rows.push([siteId, e.id, b.vid, e.sid, e.name, e.ts, now, e.url ?? null, e.ref ?? null, b.tz ?? null, JSON.stringify(e.params)]);
        if (rows.length >= ROWS_PER_INSERT) flushRows();
      }
    }
    flushRows();

    for (const p of group) statements.push(visitorUpsert(p.siteId, p.batch, now));

    const bySite = new Map<string, CollectBatch['events']>();
    for (const p of group) bySite.set(p.siteId, [...(bySite.get(p.siteId) ?? []), ...p.batch.events]);
    for (const [siteId, events] of bySite) {
      const plan = await planCatalogWrites(this.client, siteId, observationsFromEvents(events), now, 'event');
      statements.push(...plan.statements);
    }

    const results = await this.client.batch(statements, 'write');
    const storedIds = new Set<string>();
    for (const idx of inserts) for (const r of results[idx]!.rows) storedIds.add(`${String(r.site_id)} ${String(r.event_id)}`);
    return group.map((p) => {
      // An id stored in this transaction counts once, for the first request carrying it.
      let stored = 0;
      for (const e of p.batch.events) if (storedIds.delete(`${p.siteId} ${e.id}`)) stored++;
      return { stored, duplicates: p.batch.events.length - stored };
    });
  }
}

function visitorUpsert(siteId: string, batch: CollectBatch, now: number): InStatement {
  const last = batch.events[batch.events.length - 1]!;
  const identified = [...batch.events].reverse().find((e) => e.name === 'identify')?.params.customer_id ?? null;
  return {
    sql: `INSERT INTO visitors (site_id, visitor_id, customer_id, first_seen_at, last_seen_at, last_session_id, time_zone)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT (site_id, visitor_id) DO UPDATE SET
            last_seen_at = max(last_seen_at, excluded.last_seen_at),
            last_session_id = excluded.last_session_id,
            time_zone = coalesce(excluded.time_zone, time_zone),
            customer_id = coalesce(excluded.customer_id, customer_id)`,
    args: [siteId, batch.vid, identified, now, now, last.sid, batch.tz ?? null],
  };
}
