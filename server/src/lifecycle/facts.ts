/**
 * What the lifecycle knows of one person (a visitor, or every device of an identified customer), folded from
 * their events in the order the server received them. Times are server receipt times in ms.
 */
export interface PersonFacts {
  firstSeenAt: number;
  lastEventAt: number;
  /** the session of the latest event, and whether it showed product interest (product view, search, cart) */
  sessionId: string;
  sessionInterest: boolean;
  /** items in the cart now: adds minus removes, emptied by a purchase */
  cart: Record<string, number>;
  /** begin_checkout seen and no purchase after it */
  checkoutOpen: boolean;
  /** when the cart was last changed, for the why-record */
  cartChangedAt: number | null;
  /** distinct orders (by transaction id), oldest first, with time and value: the buyer models read these */
  orders: Order[];
  firstPurchaseAt: number | null;
  lastPurchaseAt: number | null;
  revenue: number;
  /** products the person's latest review of each rated 2 stars or fewer (reviews/): never recommended to them */
  disliked?: string[];
}

export interface Order {
  id: string;
  at: number;
  value: number;
}

/** The slice of a stored event the fold reads. */
export interface FactEvent {
  name: string;
  sessionId: string;
  receivedAt: number;
  params: {
    items?: Array<{ item_id: string; quantity?: number | undefined }> | undefined;
    transaction_id?: string | undefined;
    value?: number | undefined;
    /** review_submitted: the stars given */
    rating?: number | undefined;
  };
}

const INTEREST = new Set(['view_item', 'select_item', 'search', 'add_to_cart', 'view_cart', 'begin_checkout']);
/** Order ids kept per person: enough for any real buyer, bounded for a misbehaving client. */
const MAX_ORDERS = 1000;
/** a rating this low says the person does not want the product */
export const DISLIKED_AT_MOST = 2;
const MAX_DISLIKED = 200;

export function emptyFacts(at: number): PersonFacts {
  return {
    firstSeenAt: at,
    lastEventAt: at,
    sessionId: '',
    sessionInterest: false,
    cart: {},
    checkoutOpen: false,
    cartChangedAt: null,
    orders: [],
    firstPurchaseAt: null,
    lastPurchaseAt: null,
    revenue: 0,
  };
}

export const cartCount = (f: PersonFacts) => Object.values(f.cart).reduce((a, b) => a + b, 0);

/** Folds one event into the facts (mutating them: this runs for every event of every re-evaluated person). */
export function foldEvent(f: PersonFacts, e: FactEvent): PersonFacts {
  if (e.name === 'refund') return foldRefund(f, e); // the shop's doing, not a visit: no session, not "seen"
  if (e.sessionId !== f.sessionId) {
    f.sessionId = e.sessionId;
    f.sessionInterest = false;
  }
  f.firstSeenAt = Math.min(f.firstSeenAt, e.receivedAt);
  f.lastEventAt = Math.max(f.lastEventAt, e.receivedAt);
  if (INTEREST.has(e.name)) f.sessionInterest = true;
  const items = e.params.items ?? [];
  switch (e.name) {
    case 'add_to_cart':
      for (const i of items) f.cart[i.item_id] = (f.cart[i.item_id] ?? 0) + Math.max(1, i.quantity ?? 1);
      f.cartChangedAt = e.receivedAt;
      break;
    case 'remove_from_cart':
      for (const i of items) {
        const left = (f.cart[i.item_id] ?? 0) - Math.max(1, i.quantity ?? 1);
        if (left > 0) f.cart[i.item_id] = left;
        else delete f.cart[i.item_id];
      }
      f.cartChangedAt = e.receivedAt;
      break;
    case 'begin_checkout':
      f.checkoutOpen = true;
      break;
    case 'review_submitted':
      foldRating(f, e);
      break;
    case 'purchase': {
      f.cart = {};
      f.checkoutOpen = false;
      f.cartChangedAt = e.receivedAt;
      const id = e.params.transaction_id ?? `${e.receivedAt}`;
      if (f.orders.length >= MAX_ORDERS || f.orders.some((o) => o.id === id)) break; // a reloaded confirmation page is one order
      f.orders.push({ id, at: e.receivedAt, value: e.params.value ?? 0 });
      f.revenue += e.params.value ?? 0;
      f.firstPurchaseAt = Math.min(f.firstPurchaseAt ?? e.receivedAt, e.receivedAt);
      f.lastPurchaseAt = Math.max(f.lastPurchaseAt ?? e.receivedAt, e.receivedAt);
      break;
    }
  }
  return f;
}

/**
 * A refund, which only the server writes (a shop's signed order webhooks): money given back comes off its order;
 * one with neither value nor items is a cancelled order (GA4's full refund), which counts as an order no more.
 */
function foldRefund(f: PersonFacts, e: FactEvent): PersonFacts {
  const order = f.orders.find((o) => o.id === e.params.transaction_id);
  if (!order) return f;
  const cancelled = e.params.value === undefined && !e.params.items?.length;
  const back = cancelled ? order.value : Math.min(order.value, e.params.value ?? 0);
  order.value -= back;
  f.revenue -= back;
  if (cancelled) {
    f.orders = f.orders.filter((o) => o !== order);
    f.firstPurchaseAt = f.orders.length ? Math.min(...f.orders.map((o) => o.at)) : null;
    f.lastPurchaseAt = f.orders.length ? Math.max(...f.orders.map((o) => o.at)) : null;
  }
  return f;
}

/** A review (written only by the server, reviews/): the person's latest rating of each item decides. */
function foldRating(f: PersonFacts, e: FactEvent): void {
  const rating = e.params.rating;
  if (typeof rating !== 'number') return;
  for (const { item_id } of e.params.items ?? []) {
    const rest = (f.disliked ?? []).filter((id) => id !== item_id);
    f.disliked = rating <= DISLIKED_AT_MOST ? [...rest, item_id].slice(-MAX_DISLIKED) : rest;
  }
  if (f.disliked?.length === 0) delete f.disliked;
}
