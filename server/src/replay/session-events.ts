import type { CollectEvent, CollectItem } from '../collect/schema.ts';
import { limits } from '../collect/vocabulary.ts';
import { replayIds } from './replay-ids.ts';
import type { Order, OrderLine } from './uci/cancellations.ts';
import { productCategory } from './uci/product-category.ts';

const CURRENCY = 'GBP';
const MINUTE = 60_000;
/** events of a session are this far apart… */
const EVENT_GAP_MS = 3_000;
/** …unless the basket is so large that the session would outlast this (well inside a 30-minute session timeout) */
const MAX_SESSION_MS = 15 * MINUTE;

export interface SessionOptions {
  /** the shop's origin: event URLs are pages of it */
  origin: string;
  /** added to the file's times (see time-shift.ts) */
  offsetMs: number;
  /** send `identify` first: the customer's first session in this replay */
  identify: boolean;
}

const money = (x: number) => Math.round(x * 100) / 100;

/**
 * The storefront session that led to one order, as the tracking script would have sent it: a page view, a
 * product view and an add to cart per line, the checkout, and the purchase at the invoice's own time (earlier
 * events a few seconds before it). An order cancelled in full is a visit that looked at the products and
 * bought nothing. Purchases carry at most 50 items (the collector's cap); `value` always covers every line.
 */
export function sessionEvents(order: Order, { origin, offsetMs, identify }: SessionOptions): CollectEvent[] {
  const { invoiceNo } = order;
  const sid = replayIds.session(invoiceNo);
  const kept = order.lines.filter((l) => l.quantity > 0);
  const value = money(kept.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0));
  const basket = kept.slice(0, limits.itemsPerEvent).map((l) => item(l, l.quantity));
  const productUrl = (l: OrderLine) => l.item?.url ?? `${origin}/products/${encodeURIComponent(l.stockCode)}`;

  const events: Array<Omit<CollectEvent, 'ts' | 'sid'>> = [];
  if (identify && order.customerId !== null) {
    const customerId = replayIds.customer(order.customerId);
    events.push({ id: replayIds.identifyEvent(order.customerId), name: 'identify', url: `${origin}/`, params: { customer_id: customerId } });
  }
  events.push({ id: replayIds.event(invoiceNo, 'page'), name: 'page_view', url: `${origin}/`, params: {} });
  for (const line of order.lines) {
    events.push({ id: replayIds.lineEvent(invoiceNo, 'view', line.position), name: 'view_item', url: productUrl(line), params: { currency: CURRENCY, value: line.unitPrice, items: [item(line)] } });
    if (line.quantity === 0) continue;
    events.push({
      id: replayIds.lineEvent(invoiceNo, 'cart', line.position),
      name: 'add_to_cart',
      url: productUrl(line),
      params: { currency: CURRENCY, value: money(line.quantity * line.unitPrice), items: [item(line, line.quantity)] },
    });
  }
  if (kept.length > 0) {
    events.push({ id: replayIds.event(invoiceNo, 'checkout'), name: 'begin_checkout', url: `${origin}/checkout`, params: { currency: CURRENCY, value, items: basket } });
    events.push({ id: replayIds.event(invoiceNo, 'purchase'), name: 'purchase', url: `${origin}/checkout/complete`, params: { transaction_id: invoiceNo, currency: CURRENCY, value, items: basket } });
  }

  const end = order.at + offsetMs;
  const gap = events.length > 1 ? Math.min(EVENT_GAP_MS, Math.floor(MAX_SESSION_MS / (events.length - 1))) : 0;
  return events.map((e, i) => ({ ...e, sid, ts: end - (events.length - 1 - i) * gap }));
}

function item(line: OrderLine, quantity?: number): CollectItem {
  if (line.item) return { ...line.item, ...(quantity !== undefined ? { quantity } : {}) };
  const name = line.description.slice(0, limits.nameText);
  const category = productCategory(line.description);
  return {
    item_id: line.stockCode,
    ...(name ? { item_name: name } : {}),
    price: line.unitPrice,
    ...(category ? { item_category: category } : {}),
    ...(quantity !== undefined ? { quantity } : {}),
  };
}
