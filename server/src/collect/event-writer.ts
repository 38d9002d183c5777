import type { InStatement } from '@libsql/client';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { observationsFromEvents } from '../catalog/from-events.ts';
import { KnownProducts } from '../catalog/known-products.ts';
import type { ProductObservation } from '../catalog/observation.ts';
import { planCatalogWrites } from '../catalog/plan-writes.ts';
import type { CollectBatch, CollectEvent } from './schema.ts';

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
  /** told of the events each request stored (never duplicates), in commit order: the recommender learns from them */
  onCommitted?(siteId: string, visitorId: string, stored: CollectEvent[], receivedAt: number): void;
}

// Constant SQL texts, so the write path prepares each once (see db/write-path.ts).
const INSERT_EVENT = `INSERT INTO events (site_id, event_id, visitor_id, session_id, name, client_ts, received_at, url, referrer, time_zone, params)
  VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (site_id, event_id) DO NOTHING`;
const UPSERT_VISITOR = `INSERT INTO visitors (site_id, visitor_id, customer_id, first_seen_at, last_seen_at, last_session_id, time_zone)
  VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (site_id, visitor_id) DO UPDATE SET
    last_seen_at = max(last_seen_at, excluded.last_seen_at),
    last_session_id = excluded.last_session_id,
    time_zone = coalesce(excluded.time_zone, time_zone),
    customer_id = coalesce(excluded.customer_id, customer_id)`;
/** Every event makes the visitor's person (the customer, once identified) due for the lifecycle now. */
const TOUCH_PROFILE = `INSERT INTO profiles (site_id, profile_id, touched, due_at, updated_at)
  SELECT site_id, CASE WHEN customer_id IS NULL THEN 'v:' || visitor_id ELSE 'c:' || customer_id END, 1, ?, ?
  FROM visitors WHERE site_id = ? AND visitor_id = ?
  ON CONFLICT (site_id, profile_id) DO UPDATE SET touched = touched + 1, due_at = min(coalesce(due_at, excluded.due_at), excluded.due_at)`;

/**
 * Funnels every event write of this instance through one serialized writer with group commit: requests that
 * arrive while a transaction runs are committed together in the next one. A request is answered only after its
 * events are committed, so an acknowledgement always means stored. A repeated event id (a retry, or the same
 * event twice in one group) is skipped by the unique index, and each insert's rowsAffected says which.
 */
export class EventWriter {
  private queue: Pending[] = [];
  private running: Promise<void> | null = null;
  private readonly maxRows: number;
  private readonly knownProducts = new KnownProducts();
  private readonly onCommitted: EventWriterOptions['onCommitted'];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    options: EventWriterOptions = {},
  ) {
    this.maxRows = options.maxRows ?? 2000;
    this.onCommitted = options.onCommitted;
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
    for (const { siteId, batch: b } of group) {
      for (const e of b.events) {
        statements.push({ sql: INSERT_EVENT, args: [siteId, e.id, b.vid, e.sid, e.name, e.ts, now, e.url ?? null, e.ref ?? null, b.tz ?? null, JSON.stringify(e.params)] });
      }
    }
    for (const { siteId, batch: b } of group) {
      const customerId = b.events.findLast((e) => e.name === 'identify')?.params.customer_id ?? null;
      statements.push({ sql: UPSERT_VISITOR, args: [siteId, b.vid, customerId, now, now, b.events.at(-1)!.sid, b.tz ?? null] });
      statements.push({ sql: TOUCH_PROFILE, args: [now, now, siteId, b.vid] });
    }

    const observed = new Map<string, ProductObservation[]>();
    for (const p of group) {
      const list = observed.get(p.siteId) ?? observed.set(p.siteId, []).get(p.siteId)!;
      list.push(...observationsFromEvents(p.batch.events));
    }
    // Only observations that may change a product are read and written; the rest repeat what is stored.
    const unknown = new Map<string, ProductObservation[]>();
    for (const [siteId, observations] of observed) {
      const news = this.knownProducts.unknown(siteId, observations, performance.now());
      if (news.length === 0) continue;
      unknown.set(siteId, news);
      statements.push(...(await planCatalogWrites(this.db.client, siteId, news, now, 'event')).statements);
    }

    const affected = await this.db.write.run(statements);
    // the cache ages in wall time: a replay's injected clock jumps and would expire it on every batch
    for (const [siteId, news] of unknown) this.knownProducts.remember(siteId, news, performance.now());

    let next = 0; // the event inserts come first, in group order
    return group.map((p) => {
      const stored = p.batch.events.filter(() => affected[next++]! > 0);
      if (stored.length > 0 && this.onCommitted) {
        try {
          this.onCommitted(p.siteId, p.batch.vid, stored, now);
        } catch (error) {
          console.error('event writer: a listener failed after the commit', error); // the write itself stands
        }
      }
      return { stored: stored.length, duplicates: p.batch.events.length - stored.length };
    });
  }
}
