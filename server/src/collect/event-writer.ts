import { setImmediate } from 'node:timers/promises';
import type { InStatement, InValue } from '@libsql/client';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { observationsFromEvents } from '../catalog/from-events.ts';
import { KnownProducts } from '../catalog/known-products.ts';
import type { ProductObservation } from '../catalog/observation.ts';
import { planEventReports, type VisitorObservation } from '../catalog/trust/plan-reports.ts';
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
  /**
   * Told, after each commit, of the stored events whose seq the writer knows (every event of a chunk stored
   * whole; a chunk that held retries is left out): the lifecycle folds them without reading them back.
   */
  onSequenced?(siteId: string, visitorId: string, stored: SequencedEvent[], receivedAt: number): void;
}

/** A stored event with its `seq` (the events table's rowid). */
export interface SequencedEvent {
  seq: number;
  event: CollectEvent;
}

// Multi-row statements in a few fixed sizes (powers of two), so the write path prepares each text once
// (db/write-path.ts) and a group of any size needs a handful of statements: one per size it is made of.
const CHUNK_SIZES = [256, 128, 64, 32, 16, 8, 4, 2, 1];
const sized = (make: (rows: number) => string) => new Map(CHUNK_SIZES.map((n) => [n, make(n)]));
const values = (rows: number, placeholders: string) => Array.from({ length: rows }, () => placeholders).join(', ');

const INSERT_EVENTS = sized(
  (n) => `INSERT INTO events (site_id, event_id, visitor_id, session_id, name, client_ts, received_at, url, referrer, time_zone, params)
  VALUES ${values(n, '(?,?,?,?,?,?,?,?,?,?,?)')} ON CONFLICT (site_id, event_id) DO NOTHING`,
);
const UPSERT_VISITORS = sized(
  (n) => `INSERT INTO visitors (site_id, visitor_id, customer_id, first_seen_at, last_seen_at, last_session_id, time_zone)
  VALUES ${values(n, '(?,?,?,?,?,?,?)')}
  ON CONFLICT (site_id, visitor_id) DO UPDATE SET
    last_seen_at = max(last_seen_at, excluded.last_seen_at),
    last_session_id = excluded.last_session_id,
    time_zone = coalesce(excluded.time_zone, time_zone),
    customer_id = coalesce(excluded.customer_id, customer_id)`,
);
/**
 * Every batch makes its visitor's person (the customer, once identified) due for the lifecycle now, and bumps
 * `touched` once per batch (column3 of the VALUES: how many batches the visitor had in this group).
 */
const TOUCH_PROFILES = sized(
  (n) => `INSERT INTO profiles (site_id, profile_id, touched, due_at, updated_at)
  SELECT v.site_id, CASE WHEN v.customer_id IS NULL THEN 'v:' || v.visitor_id ELSE 'c:' || v.customer_id END, t.column3, ?, ?
  FROM (VALUES ${values(n, '(?,?,?)')}) AS t, visitors AS v WHERE v.site_id = t.column1 AND v.visitor_id = t.column2
  ON CONFLICT (site_id, profile_id) DO UPDATE SET touched = touched + excluded.touched, due_at = min(coalesce(due_at, excluded.due_at), excluded.due_at)`,
);

/** Splits `rows` into runs of the fixed chunk sizes, largest first. */
function* chunked<T>(rows: T[]): Generator<T[]> {
  let at = 0;
  for (const size of CHUNK_SIZES) {
    while (rows.length - at >= size) {
      yield rows.slice(at, at + size);
      at += size;
    }
  }
}

/**
 * Funnels every event write of this instance through one serialized writer with group commit: requests that
 * arrive while a transaction runs are committed together in the next one, in a few multi-row statements (events,
 * visitors, profile due marks, catalog changes). A request is answered only after its events are committed, so
 * an acknowledgement always means stored. A repeated event id (a retry, or the same event twice in one group)
 * is skipped by the unique index; each insert's rowsAffected says whether any were, and only then the seqs which.
 */
export class EventWriter {
  private queue: Pending[] = [];
  private running: Promise<void> | null = null;
  private readonly maxRows: number;
  private readonly knownProducts = new KnownProducts();
  private readonly onCommitted: EventWriterOptions['onCommitted'];
  private readonly onSequenced: EventWriterOptions['onSequenced'];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    options: EventWriterOptions = {},
  ) {
    this.maxRows = options.maxRows ?? 2000;
    this.onCommitted = options.onCommitted;
    this.onSequenced = options.onSequenced;
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
    await setImmediate();
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

    // Events: the first copy of an id in the group is inserted; a later one (the same event in two requests
    // committed together) is a duplicate without asking the database.
    const seen = new Set<string>();
    const candidates: Candidate[] = [];
    group.forEach(({ siteId, batch: b }, request) => {
      b.events.forEach((e, index) => {
        const key = `${siteId} ${e.id}`;
        if (seen.has(key)) return;
        seen.add(key);
        candidates.push({ request, index, siteId, eventId: e.id });
      });
    });
    const eventChunks = [...chunked(candidates)];
    for (const chunk of eventChunks) {
      const args: InValue[] = [];
      for (const { request, index, siteId } of chunk) {
        const b = group[request]!.batch;
        const e = b.events[index]!;
        args.push(siteId, e.id, b.vid, e.sid, e.name, e.ts, now, e.url ?? null, e.ref ?? null, b.tz ?? null, JSON.stringify(e.params));
      }
      statements.push({ sql: INSERT_EVENTS.get(chunk.length)!, args });
    }

    // Visitors: one row each, folding their batches in order, as one upsert per batch would leave it.
    const visitors = new Map<string, GroupVisitor>();
    for (const { siteId, batch: b } of group) {
      const customerId = b.events.findLast((e) => e.name === 'identify')?.params.customer_id ?? null;
      const sessionId = b.events.at(-1)!.sid;
      const v = visitors.get(`${siteId} ${b.vid}`);
      if (!v) visitors.set(`${siteId} ${b.vid}`, { siteId, visitorId: b.vid, customerId, sessionId, timeZone: b.tz ?? null, batches: 1 });
      else Object.assign(v, { customerId: customerId ?? v.customerId, sessionId, timeZone: b.tz ?? v.timeZone, batches: v.batches + 1 });
    }
    const visitorChunks = [...chunked([...visitors.values()])];
    for (const chunk of visitorChunks) {
      statements.push({ sql: UPSERT_VISITORS.get(chunk.length)!, args: chunk.flatMap((v) => [v.siteId, v.visitorId, v.customerId, now, now, v.sessionId, v.timeZone]) });
    }
    for (const chunk of visitorChunks) {
      statements.push({ sql: TOUCH_PROFILES.get(chunk.length)!, args: [now, now, ...chunk.flatMap((v) => [v.siteId, v.visitorId, v.batches])] });
    }

    // Only observations that may change a product are read; the rest repeat its trusted values. The others
    // become each visitor's reports (catalog/trust/), trusted once enough distinct visitors agree.
    const wallNow = performance.now(); // the cache ages in wall time: a replay's injected clock jumps and would expire it on every batch
    const observed = new Map<string, VisitorObservation[]>();
    for (const p of group) {
      for (const observation of observationsFromEvents(p.batch.events)) {
        if (this.knownProducts.knows(p.siteId, observation, wallNow)) continue;
        const list = observed.get(p.siteId) ?? observed.set(p.siteId, []).get(p.siteId)!;
        list.push({ visitorId: p.batch.vid, observation });
      }
    }
    const confirmed = new Map<string, ProductObservation[]>();
    for (const [siteId, news] of observed) {
      const plan = await planEventReports(this.db.client, siteId, news, now);
      confirmed.set(siteId, plan.confirmed);
      statements.push(...plan.statements);
    }

    const outcomes = await this.db.write.runWithRowids(statements);
    for (const [siteId, known] of confirmed) this.knownProducts.remember(siteId, known, wallNow);

    // The event inserts come first; each one's rowsAffected says how many of its rows were new.
    // A chunk stored whole got consecutive seqs in VALUES order (AUTOINCREMENT under the write lock), ending at
    // its last rowid; the seq of a partly stored chunk's events stays unknown (0).
    const storedFlags = group.map((p) => new Array<boolean>(p.batch.events.length).fill(false));
    const seqs = group.map((p) => new Array<number>(p.batch.events.length).fill(0));
    const markStored = ({ request, index }: Candidate) => (storedFlags[request]![index] = true);
    for (const [k, chunk] of eventChunks.entries()) {
      const { changes: inserted, lastRowid } = outcomes[k]!;
      if (inserted === chunk.length) {
        chunk.forEach((c, i) => {
          markStored(c);
          seqs[c.request]![c.index] = lastRowid - chunk.length + 1 + i;
        });
      } else if (inserted > 0) (await this.newestOf(chunk, inserted)).forEach(markStored);
    }

    return group.map((p, request) => {
      const stored = p.batch.events.filter((_, index) => storedFlags[request]![index]);
      if (stored.length > 0) {
        listen(() => this.onCommitted?.(p.siteId, p.batch.vid, stored, now));
        if (this.onSequenced) {
          const sequenced: SequencedEvent[] = [];
          p.batch.events.forEach((event, index) => {
            const seq = seqs[request]![index]!;
            if (seq > 0) sequenced.push({ seq, event });
          });
          if (sequenced.length > 0) listen(() => this.onSequenced!(p.siteId, p.batch.vid, sequenced, now));
        }
      }
      return { stored: stored.length, duplicates: p.batch.events.length - stored.length };
    });
  }

  /**
   * The events of a chunk its insert stored when only some were (the rest were stored before: a retry). Every
   * row an insert adds gets a seq above all rows stored before it (AUTOINCREMENT, under the write lock), so the
   * new ones are the chunk's `inserted` highest seqs. Asked only after a partial chunk.
   */
  private async newestOf(chunk: Candidate[], inserted: number): Promise<Candidate[]> {
    const found: Array<{ seq: number; candidate: Candidate }> = [];
    for (const siteId of new Set(chunk.map((c) => c.siteId))) {
      const ofSite = new Map(chunk.filter((c) => c.siteId === siteId).map((c) => [c.eventId, c]));
      const rs = await this.db.client.execute({
        sql: `SELECT seq, event_id FROM events WHERE site_id = ? AND event_id IN (${[...ofSite.keys()].map(() => '?').join(',')})`,
        args: [siteId, ...ofSite.keys()],
      });
      for (const r of rs.rows) found.push({ seq: Number(r.seq), candidate: ofSite.get(String(r.event_id))! });
    }
    found.sort((a, b) => b.seq - a.seq);
    return found.slice(0, inserted).map((f) => f.candidate);
  }
}

/** Runs a listener told of a commit: its failure is logged, the write itself stands. */
function listen(call: () => void): void {
  try {
    call();
  } catch (error) {
    console.error('event writer: a listener failed after the commit', error);
  }
}

/** An event of the group that is not a copy of an earlier one in the same group. */
interface Candidate {
  request: number;
  index: number;
  siteId: string;
  eventId: string;
}

interface GroupVisitor {
  siteId: string;
  visitorId: string;
  customerId: string | null;
  sessionId: string;
  timeZone: string | null;
  batches: number;
}
