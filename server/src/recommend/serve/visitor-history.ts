/** What the service remembers of one visitor within the model's window. */
export interface VisitorState {
  sessionId: string;
  /** viewed/selected/carted items of the current session, oldest first */
  sessionItems: string[];
  /** items added to the cart in the current session, for co-cart counts */
  sessionCart: Set<string>;
  /** distinct recently viewed items, newest last */
  recent: string[];
  /** in the cart now: adds minus removes, emptied by a purchase */
  cart: Map<string, number>;
  /** purchased items and when each was last bought (ms), oldest purchase first */
  bought: Map<string, number>;
}

export interface VisitorLimits {
  /** visitors remembered; the least recently active is forgotten first */
  maxVisitors: number;
  /** session items and recent views kept per visitor */
  maxItems: number;
  /** purchased items kept per visitor for the "already bought" exclusion */
  maxBought: number;
}

export const visitorDefaults: VisitorLimits = { maxVisitors: 200_000, maxItems: 30, maxBought: 200 };

/** Per-visitor state in a Map used as an LRU: touching a visitor moves it to the end. */
export class VisitorHistory {
  private readonly visitors = new Map<string, VisitorState>();

  constructor(readonly limits: VisitorLimits = visitorDefaults) {}

  get size(): number {
    return this.visitors.size;
  }

  peek(visitorId: string): VisitorState | undefined {
    return this.visitors.get(visitorId);
  }

  /** the visitor's state, moved into `sessionId` (a new session starts with empty session lists) */
  touch(visitorId: string, sessionId: string): VisitorState {
    let v = this.visitors.get(visitorId);
    if (v) this.visitors.delete(visitorId);
    else v = { sessionId, sessionItems: [], sessionCart: new Set(), recent: [], cart: new Map(), bought: new Map() };
    if (v.sessionId !== sessionId) {
      v.sessionId = sessionId;
      v.sessionItems = [];
      v.sessionCart = new Set();
    }
    this.visitors.set(visitorId, v);
    if (this.visitors.size > this.limits.maxVisitors) {
      const oldest = this.visitors.keys().next().value;
      if (oldest !== undefined) this.visitors.delete(oldest);
    }
    return v;
  }

  viewed(v: VisitorState, itemId: string): void {
    pushBounded(v.sessionItems, itemId, this.limits.maxItems);
    const at = v.recent.indexOf(itemId);
    if (at >= 0) v.recent.splice(at, 1);
    pushBounded(v.recent, itemId, this.limits.maxItems);
  }

  /** records a purchase of `itemId` at `at` (ms); returns when the visitor last bought it before, if known */
  bought(v: VisitorState, itemId: string, at: number): number | undefined {
    const before = v.bought.get(itemId);
    v.bought.delete(itemId);
    v.bought.set(itemId, at);
    if (v.bought.size > this.limits.maxBought) v.bought.delete(v.bought.keys().next().value as string);
    return before;
  }
}

function pushBounded(list: string[], item: string, max: number): void {
  list.push(item);
  if (list.length > max) list.splice(0, list.length - max);
}
