import type { FactEvent } from './facts.ts';
import type { SeqEvent } from './person-events.ts';

/** the most events held; past it the visitors added longest ago are let go (their evaluation reads them) */
const MAX_EVENTS = 200_000;
/**
 * …and none held longer than this: the scheduler takes a visitor's events within a round or two, so what stays
 * is what it never takes (a customer's devices are read from the table) — memory for nothing, and an erased
 * visitor's events would linger.
 */
const MAX_AGE_MS = 5 * 60_000;

interface Held {
  seq: number;
  receivedAt: number;
  event: { name: string; sid: string; params: unknown };
}

/**
 * The events this instance's writer has just committed, by visitor, until the scheduler folds them: a person's
 * evaluation takes them from here instead of reading them back from the events table. Only an exact match is
 * taken: the claim counts the person's events after their facts (`count`, up to `maxSeq`) in the database,
 * and the events held here must be exactly those, else the scheduler reads the table as before (events another
 * instance stored, a chunk that held retries, an instance restarted, events let go for room).
 */
export class FreshEvents {
  private readonly byVisitor = new Map<string, Held[]>();
  private size = 0;

  constructor(private readonly maxEvents = MAX_EVENTS) {}

  /** what the writer stored for one visitor in one commit, in seq order */
  add(siteId: string, visitorId: string, stored: ReadonlyArray<{ seq: number; event: Held['event'] }>, receivedAt: number): void {
    const key = `${siteId} ${visitorId}`;
    let list = this.byVisitor.get(key);
    if (!list) this.byVisitor.set(key, (list = []));
    for (const { seq, event } of stored) list.push({ seq, receivedAt, event });
    this.size += stored.length;
    while (this.size > this.maxEvents) this.dropOldest();
    // visitors in insertion order: the first one's first event is the oldest held
    for (let first = this.firstHeld(); first !== undefined && first < receivedAt - MAX_AGE_MS; first = this.firstHeld()) this.dropOldest();
  }

  private firstHeld(): number | undefined {
    const first = this.byVisitor.values().next();
    return first.done ? undefined : first.value[0]?.receivedAt;
  }

  /**
   * The visitor's events with `afterSeq < seq <= maxSeq` when exactly `count` are held, in seq order; else
   * undefined. Either way what is held up to `maxSeq` is let go: the evaluation folds those events.
   */
  take(siteId: string, visitorId: string, afterSeq: number, count: number, maxSeq: number): SeqEvent[] | undefined {
    const key = `${siteId} ${visitorId}`;
    const list = this.byVisitor.get(key);
    if (!list) return undefined;
    const upTo = list.findIndex((h) => h.seq > maxSeq);
    const end = upTo < 0 ? list.length : upTo;
    const taken = list.slice(0, end).filter((h) => h.seq > afterSeq);
    if (end === list.length) this.byVisitor.delete(key);
    else list.splice(0, end);
    this.size -= end;
    if (taken.length !== count) return undefined;
    return taken.map((h) => ({
      seq: h.seq,
      visitorId,
      name: h.event.name,
      sessionId: h.event.sid,
      receivedAt: h.receivedAt,
      params: h.event.params as FactEvent['params'],
    }));
  }

  get heldEvents(): number {
    return this.size;
  }

  private dropOldest(): void {
    const first = this.byVisitor.entries().next();
    if (first.done) return;
    this.byVisitor.delete(first.value[0]);
    this.size -= first.value[1].length;
  }
}
