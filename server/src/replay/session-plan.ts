import type { CollectEvent } from '../collect/schema.ts';
import { replayIds } from './replay-ids.ts';
import { sessionEvents } from './session-events.ts';
import type { Order } from './uci/cancellations.ts';

/**
 * One order's session, built into events only when its turn comes: the year's 1.1 million events held at once
 * would take about a gigabyte.
 */
export interface SessionPlan {
  order: Order;
  /** the visitor sending it: the customer's, or the guest order's own */
  visitorId: string;
  /** the customer's first session in this replay sends `identify` first */
  identify: boolean;
}

export function planSessions(orders: readonly Order[]): SessionPlan[] {
  const identified = new Set<string>();
  return orders.map((order) => {
    if (order.customerId === null) return { order, visitorId: replayIds.guestVisitor(order.invoiceNo), identify: false };
    const identify = !identified.has(order.customerId);
    identified.add(order.customerId);
    return { order, visitorId: replayIds.customer(order.customerId), identify };
  });
}

export function planEvents(plan: SessionPlan, origin: string, offsetMs: number): CollectEvent[] {
  return sessionEvents(plan.order, { origin, offsetMs, identify: plan.identify });
}
