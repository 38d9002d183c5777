import { IdTable } from './id-table.ts';
import type { Click } from './types.ts';

/**
 * Each item's sessions, newest first, as an append-only log. When a session gets a newer click it is appended
 * again to the log of every item it holds, with a new stamp; entries whose stamp is no longer the session's are
 * stale and skipped. So a log stays ordered by session recency as long as clicks arrive in time order, which is
 * what lets a request read only the newest sessions of each item instead of scanning all of them.
 */
interface ItemLog {
  sessions: number[];
  stamps: number[];
  /** log length after the last compaction; the next one runs when the log has doubled */
  compactedLength: number;
}

export interface SessionIndexOptions {
  /** newest sessions kept per item; older ones can never enter a recency sample of this size */
  sessionsPerItem: number;
}

/** Sessions and the item→sessions index V-SKNN reads, updated one click at a time. */
export class SessionIndex {
  readonly items = new IdTable();
  readonly sessions = new IdTable();
  /** clicks per item, for IDF */
  readonly itemClicks: number[] = [];
  /** each session's clicks in arrival order, repeats kept */
  readonly sequences: number[][] = [];
  /** each session's distinct items in order of first click */
  readonly distinctItems: number[][] = [];
  /** each session's newest click time */
  readonly sessionTimes: number[] = [];
  private readonly sessionStamps: number[] = [];
  private readonly logs: ItemLog[] = [];
  private nextStamp = 1;
  private clickCount = 0;
  private newest = -Infinity;

  constructor(private readonly options: SessionIndexOptions) {
    if (!(options.sessionsPerItem >= 1)) throw new RangeError('sessionsPerItem must be >= 1');
  }

  get totalClicks(): number {
    return this.clickCount;
  }

  /** time of the newest click seen, -Infinity before the first */
  get newestTime(): number {
    return this.newest;
  }

  addClick(click: Click): void {
    const session = this.sessions.intern(click.sessionId);
    const item = this.items.intern(click.itemId);
    if (item === this.logs.length) {
      this.logs.push({ sessions: [], stamps: [], compactedLength: 0 });
      this.itemClicks.push(0);
    }
    const isNewSession = session === this.sequences.length;
    if (isNewSession) {
      this.sequences.push([]);
      this.distinctItems.push([]);
      this.sessionTimes.push(click.time);
      this.sessionStamps.push(0);
    }
    this.clickCount++;
    if (click.time > this.newest) this.newest = click.time;
    this.itemClicks[item] = (this.itemClicks[item] ?? 0) + 1;
    const sequence = this.sequences[session] as number[];
    const distinct = this.distinctItems[session] as number[];
    sequence.push(item);
    const isNewItem = !distinct.includes(item);
    if (isNewItem) distinct.push(item);

    if (isNewSession || click.time >= (this.sessionTimes[session] as number)) {
      // the session is now the newest: move it to the head of all its items' logs (a tie moves it too, which
      // keeps every log in (time, stamp) order)
      this.sessionTimes[session] = click.time;
      const stamp = this.nextStamp++;
      this.sessionStamps[session] = stamp;
      for (const member of distinct) this.append(member, session, stamp);
    } else if (isNewItem) {
      // a late click, older than the session's newest: only a new item needs an entry
      this.append(item, session, this.sessionStamps[session] as number);
    }
  }

  /**
   * Calls `visit` for up to `limit` distinct sessions holding any of `items`, newest first (by newest click,
   * then by newest update), skipping `skipSession`. A k-way merge over the items' logs, so it reads about
   * `limit` entries per item at most, however popular the items are.
   */
  forEachRecentSession(items: readonly number[], limit: number, skipSession: number, visit: (session: number) => void): void {
    const heap = new CursorHeap(this.sessionTimes, this.sessionStamps);
    for (const item of items) {
      const log = this.logs[item];
      if (log) heap.pushIfValid(log, log.sessions.length - 1);
    }
    let visited = 0;
    let lastSession = -1;
    while (visited < limit) {
      const top = heap.pop();
      if (!top) break;
      const session = top.log.sessions[top.position] as number;
      // one session's entries share its (time, stamp) key, so they leave the heap one after another
      if (session !== lastSession && session !== skipSession) {
        visit(session);
        visited++;
      }
      lastSession = session;
      heap.pushIfValid(top.log, top.position - 1);
    }
  }

  private append(item: number, session: number, stamp: number): void {
    const log = this.logs[item] as ItemLog;
    const last = log.sessions.length - 1;
    if (last >= 0 && log.sessions[last] === session) {
      log.stamps[last] = stamp; // already the newest entry: restamp in place
      return;
    }
    log.sessions.push(session);
    log.stamps.push(stamp);
    if (log.sessions.length > 2 * log.compactedLength + 32) this.compact(log);
  }

  /** drops stale entries and all but the newest `sessionsPerItem` sessions */
  private compact(log: ItemLog): void {
    const sessions: number[] = [];
    const stamps: number[] = [];
    for (let i = log.sessions.length - 1; i >= 0 && sessions.length < this.options.sessionsPerItem; i--) {
      const session = log.sessions[i] as number;
      const stamp = log.stamps[i] as number;
      if (this.sessionStamps[session] === stamp) {
        sessions.push(session);
        stamps.push(stamp);
      }
    }
    log.sessions = sessions.reverse();
    log.stamps = stamps.reverse();
    log.compactedLength = log.sessions.length;
  }
}

interface Cursor {
  log: ItemLog;
  position: number;
  time: number;
  stamp: number;
}

/** Max-heap of log cursors by (session time, stamp): the next newest session across several logs. */
class CursorHeap {
  private readonly heap: Cursor[] = [];

  constructor(
    private readonly sessionTimes: readonly number[],
    private readonly sessionStamps: readonly number[],
  ) {}

  /** moves back from `position` past stale entries and pushes the first valid one, if any */
  pushIfValid(log: ItemLog, position: number): void {
    for (let p = position; p >= 0; p--) {
      const session = log.sessions[p] as number;
      const stamp = log.stamps[p] as number;
      if (this.sessionStamps[session] !== stamp) continue;
      this.push({ log, position: p, time: this.sessionTimes[session] as number, stamp });
      return;
    }
  }

  pop(): Cursor | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (top === undefined || last === undefined || this.heap.length === 0) return top;
    this.heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = i;
      if (left < this.heap.length && this.above(left, best)) best = left;
      if (right < this.heap.length && this.above(right, best)) best = right;
      if (best === i) return top;
      this.swap(i, best);
      i = best;
    }
  }

  private push(cursor: Cursor): void {
    this.heap.push(cursor);
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private above(a: number, b: number): boolean {
    const x = this.heap[a] as Cursor;
    const y = this.heap[b] as Cursor;
    return x.time > y.time || (x.time === y.time && x.stamp > y.stamp);
  }

  private swap(a: number, b: number): void {
    const x = this.heap[a] as Cursor;
    this.heap[a] = this.heap[b] as Cursor;
    this.heap[b] = x;
  }
}
