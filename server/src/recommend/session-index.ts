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
  /** ln(itemClicks), kept so IDF costs no logarithm per vote */
  readonly itemLogClicks: number[] = [];
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
      this.itemLogClicks.push(0);
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
    const clicks = (this.itemClicks[item] ?? 0) + 1;
    this.itemClicks[item] = clicks;
    this.itemLogClicks[item] = Math.log(clicks);
    this.sequences[session] = appended(this.sequences[session] as number[], item);
    let distinct = this.distinctItems[session] as number[];
    const isNewItem = !distinct.includes(item);
    if (isNewItem) this.distinctItems[session] = distinct = appended(distinct, item);

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
    const logs = items.map((item) => this.logs[item]).filter((log): log is ItemLog => log !== undefined);
    const heap = new CursorHeap(logs, this.sessionTimes, this.sessionStamps);
    let visited = 0;
    let lastSession = -1;
    while (visited < limit) {
      const session = heap.popSession();
      if (session < 0) break;
      // one session's entries share its (time, stamp) key, so they leave the heap one after another
      if (session !== lastSession && session !== skipSession) {
        visit(session);
        visited++;
      }
      lastSession = session;
    }
  }

  private append(item: number, session: number, stamp: number): void {
    const log = this.logs[item] as ItemLog;
    const last = log.sessions.length - 1;
    if (last >= 0 && log.sessions[last] === session) {
      log.stamps[last] = stamp; // already the newest entry: restamp in place
      return;
    }
    log.sessions = appended(log.sessions, session);
    log.stamps = appended(log.stamps, stamp);
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
    log.sessions = sessions.reverse().slice(); // slice: no spare capacity (see `appended`)
    log.stamps = stamps.reverse().slice();
    log.compactedLength = log.sessions.length;
  }
}

/** lists up to this long grow by copying, longer ones by push */
const SMALL_LIST = 16;

/**
 * `list` with `value` at the end. A push gives an array 16 spare slots (V8 grows it to 1.5 × length + 16),
 * which for the few items of a typical session or of a rarely viewed item's log doubles its memory; hundreds
 * of thousands of them made the heap larger, and every scavenge slower. A small list is copied to one of the
 * exact length instead: the copy is short-lived garbage, the kept array has no slack.
 */
function appended(list: number[], value: number): number[] {
  if (list.length >= SMALL_LIST) {
    list.push(value);
    return list;
  }
  return list.concat(value);
}

/**
 * Max-heap of read positions, one per log, keyed by the (session time, stamp) of the entry under each:
 * the next newest session across several logs. Positions only move towards older entries.
 */
class CursorHeap {
  private readonly position: Int32Array;
  private readonly time: Float64Array;
  private readonly stamp: Float64Array;
  /** heap of log indices */
  private readonly heap: number[] = [];

  constructor(
    private readonly logs: readonly ItemLog[],
    private readonly sessionTimes: readonly number[],
    private readonly sessionStamps: readonly number[],
  ) {
    this.position = new Int32Array(logs.length);
    this.time = new Float64Array(logs.length);
    this.stamp = new Float64Array(logs.length);
    logs.forEach((log, i) => {
      if (this.seek(i, log.sessions.length - 1)) this.push(i);
    });
  }

  /** the session under the top cursor, which then moves to its next valid entry; -1 when all logs are read */
  popSession(): number {
    const top = this.heap[0];
    if (top === undefined) return -1;
    const log = this.logs[top] as ItemLog;
    const session = log.sessions[this.position[top] as number] as number;
    if (this.seek(top, (this.position[top] as number) - 1)) this.siftDown(0);
    else {
      const last = this.heap.pop() as number;
      if (this.heap.length > 0) {
        this.heap[0] = last;
        this.siftDown(0);
      }
    }
    return session;
  }

  /** moves cursor `i` to the first valid entry at or before `from`; false when there is none */
  private seek(i: number, from: number): boolean {
    const log = this.logs[i] as ItemLog;
    for (let p = from; p >= 0; p--) {
      const session = log.sessions[p] as number;
      const stamp = log.stamps[p] as number;
      if (this.sessionStamps[session] !== stamp) continue;
      this.position[i] = p;
      this.time[i] = this.sessionTimes[session] as number;
      this.stamp[i] = stamp;
      return true;
    }
    return false;
  }

  private push(i: number): void {
    const heap = this.heap;
    heap.push(i);
    let at = heap.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.above(heap[at] as number, heap[parent] as number)) return;
      this.swap(at, parent);
      at = parent;
    }
  }

  private siftDown(at: number): void {
    const heap = this.heap;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let best = at;
      if (left < heap.length && this.above(heap[left] as number, heap[best] as number)) best = left;
      if (right < heap.length && this.above(heap[right] as number, heap[best] as number)) best = right;
      if (best === at) return;
      this.swap(at, best);
      at = best;
    }
  }

  private above(a: number, b: number): boolean {
    const ta = this.time[a] as number;
    const tb = this.time[b] as number;
    return ta > tb || (ta === tb && (this.stamp[a] as number) > (this.stamp[b] as number));
  }

  private swap(a: number, b: number): void {
    const x = this.heap[a] as number;
    this.heap[a] = this.heap[b] as number;
    this.heap[b] = x;
  }
}
