import { limits } from '../../collect/vocabulary.ts';
import type { CollectEvent, CollectItem } from '../../collect/schema.ts';
import type { ShopifyLineItem, ShopifyOrder, ShopifyRefund } from './order-schema.ts';
import { shopifyIds, VISITOR_ATTRIBUTE } from './shopify-ids.ts';

/**
 * Which of a line's ids is the product's `item_id`: it must be what the storefront's product views report, or
 * the purchase and the views of one product never meet. `product` (the default) is the Shopify product id,
 * which every storefront carries (`ShopifyAnalytics.meta`); `sku` for a theme whose JSON-LD gives SKUs;
 * `variant` for a shop that reports variant ids itself. A line without the chosen id falls back to the product id.
 */
export const itemIdSources = ['product', 'variant', 'sku'] as const;
export type ItemIdSource = (typeof itemIdSources)[number];

const VISITOR_ID = /^[\w.:-]{1,64}$/;

/**
 * The visitor an order belongs to: the Shoploop visitor id the theme put in the cart's attributes, else one
 * derived from the Shopify customer (all their orders on one visitor), else from the order itself. An order is
 * never dropped for want of a visitor: the lifecycle and the revenue still count it.
 */
export function orderVisitor(order: Pick<ShopifyOrder, 'id' | 'note_attributes' | 'customer'>): string {
  return visitorAttribute(order) ?? (order.customer ? shopifyIds.customerVisitor(order.customer.id) : shopifyIds.orderVisitor(order.id));
}

/** The Shoploop visitor id the cart attribute carries, if it holds one (the buyer can edit cart attributes). */
export function visitorAttribute(order: Pick<ShopifyOrder, 'note_attributes'>): string | undefined {
  const given = order.note_attributes?.find((a) => a.name === VISITOR_ATTRIBUTE)?.value;
  return typeof given === 'string' && VISITOR_ID.test(given.trim()) ? given.trim() : undefined;
}

/** The order's lines as items: one per item id (quantities added up), at most the collector's per-event cap. */
export function orderItems(lines: ReadonlyArray<{ line: ShopifyLineItem; quantity: number }>, source: ItemIdSource): CollectItem[] {
  const byId = new Map<string, CollectItem>();
  for (const { line, quantity } of lines) {
    const itemId = itemIdOf(line, source);
    if (!itemId || quantity <= 0) continue; // a custom line (no product), or one taken off the order
    const known = byId.get(itemId);
    if (known) {
      known.quantity = Math.min(limits.maxQuantity, (known.quantity ?? 0) + quantity);
      continue;
    }
    if (byId.size >= limits.itemsPerEvent) continue;
    const name = (source === 'product' ? line.title : (line.name ?? line.title))?.trim();
    byId.set(itemId, { item_id: itemId, ...(name ? { item_name: name.slice(0, limits.nameText) } : {}), price: line.price, quantity });
  }
  return [...byId.values()];
}

function itemIdOf(line: ShopifyLineItem, source: ItemIdSource): string | undefined {
  const sku = line.sku?.trim();
  const chosen = source === 'sku' ? sku : source === 'variant' ? line.variant_id : undefined;
  return (chosen || line.product_id || undefined)?.slice(0, limits.shortText);
}

export interface OrderEventContext {
  /** the session the events join: the visitor's running one, else the order's own */
  sessionId: string;
  itemIdSource: ItemIdSource;
  /** receipt time, for an order that does not say when it was placed */
  now: number;
}

/**
 * A placed order as Shoploop events: `identify` with the Shopify customer id when there is one (the visitor
 * joins that customer's other devices), then the `purchase`. Its `transaction_id` is the order id, what a
 * Shopify checkout reports as the order's id, so a purchase the storefront also reported counts once.
 */
export function orderEvents(order: ShopifyOrder, ctx: OrderEventContext): CollectEvent[] {
  const ts = order.created_at ?? ctx.now;
  const events: CollectEvent[] = [];
  if (order.customer) {
    events.push({ id: shopifyIds.identifyEvent(order.id), name: 'identify', ts, sid: ctx.sessionId, params: { customer_id: order.customer.id } });
  }
  const lines = order.line_items.map((line) => ({ line, quantity: line.quantity }));
  events.push({
    id: shopifyIds.purchaseEvent(order.id),
    name: 'purchase',
    ts,
    sid: ctx.sessionId,
    params: { transaction_id: order.id, value: order.total_price, currency: order.currency, items: orderItems(lines, ctx.itemIdSource) },
  });
  return events;
}

/**
 * Money given back (`refunds/create`): a `refund` of the order with the amount of its successful refund
 * transactions and the lines refunded. A refund that moved no money (a restock only) is no refund to the
 * lifecycle: undefined.
 */
export function refundEvent(refund: ShopifyRefund, ctx: OrderEventContext): CollectEvent | undefined {
  const paid = refund.transactions.filter((t) => t.kind === 'refund' && (t.status ?? 'success') === 'success');
  const value = Math.round(paid.reduce((sum, t) => sum + t.amount, 0) * 100) / 100;
  if (value <= 0) return undefined;
  const lines = refund.refund_line_items.map(({ line_item, quantity }) => ({ line: line_item, quantity }));
  const currency = paid.find((t) => t.currency)?.currency;
  return {
    id: shopifyIds.refundEvent(refund.order_id, refund.id),
    name: 'refund',
    ts: refund.created_at ?? ctx.now,
    sid: ctx.sessionId,
    params: { transaction_id: refund.order_id, value, ...(currency ? { currency } : {}), items: orderItems(lines, ctx.itemIdSource) },
  };
}

/** A cancelled order (`orders/cancelled`): GA4's full refund, the transaction id alone. The order no longer counts. */
export function cancelEvent(order: ShopifyOrder, cancelledAt: number, sessionId: string): CollectEvent {
  return { id: shopifyIds.cancelEvent(order.id), name: 'refund', ts: cancelledAt, sid: sessionId, params: { transaction_id: order.id } };
}
