import type { CollectItem } from '../../collect/schema.ts';
import type { Invoice } from './invoices.ts';
import type { UciLine } from './uci-line.ts';

/**
 * An order line after cancellations: `quantity` is what the customer kept (0 when cancelled in full); `item`
 * is the shop's own description of the product, when the replay is given one (shop-products.ts).
 */
export type OrderLine = UciLine & { item?: CollectItem };

/** An order as it stood once its cancellations are taken off. */
export interface Order {
  invoiceNo: string;
  customerId: string | null;
  at: number;
  lines: OrderLine[];
  /** every line cancelled: the visit happened, the order did not stand */
  cancelledInFull: boolean;
}

export interface CancellationStats {
  invoices: number;
  linesMatched: number;
  linesUnmatched: number;
  ordersCancelledInFull: number;
  ordersCancelledInPart: number;
  /** Σ cancelled quantity × the order line's price, taken off the orders */
  valueRemoved: number;
}

/**
 * Takes each cancellation off the orders it cancels. The replay knows the whole year, so it sends each order
 * as it finally stood (a shop reporting refunds would end up with the same revenue); the collector has no
 * refund event and refuses negative values. A cancelled line is matched to the same customer's latest order
 * at or before it that still holds that stock code, and its quantity comes off there (spilling over to older
 * orders when it is larger). What matches nothing — the order predates the file, Dec 2010 — is counted and
 * dropped. Guest orders are never matched: a guest cancellation names no customer.
 */
export function applyCancellations(invoices: readonly Invoice[]): { orders: Order[]; stats: CancellationStats } {
  const orders: Order[] = [];
  // customer → stock code → that customer's order lines of it so far, oldest first
  const linesOf = new Map<string, Map<string, Array<{ order: Order; line: OrderLine }>>>();
  const stats: CancellationStats = { invoices: 0, linesMatched: 0, linesUnmatched: 0, ordersCancelledInFull: 0, ordersCancelledInPart: 0, valueRemoved: 0 };
  const touched = new Set<Order>();

  for (const invoice of invoices) {
    if (!invoice.cancellation) {
      const order: Order = {
        invoiceNo: invoice.invoiceNo,
        customerId: invoice.customerId,
        at: invoice.at,
        lines: invoice.lines, // taken off in place: the lines are the replay's own
        cancelledInFull: false,
      };
      orders.push(order);
      if (order.customerId === null) continue;
      const byCode = linesOf.get(order.customerId) ?? new Map<string, Array<{ order: Order; line: OrderLine }>>();
      linesOf.set(order.customerId, byCode);
      for (const line of order.lines) {
        const earlier = byCode.get(line.stockCode);
        if (earlier) earlier.push({ order, line });
        else byCode.set(line.stockCode, [{ order, line }]);
      }
      continue;
    }
    stats.invoices++;
    const byCode = invoice.customerId === null ? undefined : linesOf.get(invoice.customerId);
    for (const cancelled of invoice.lines) {
      const wanted = Math.abs(cancelled.quantity);
      let left = wanted;
      const candidates = byCode?.get(cancelled.stockCode) ?? [];
      for (let i = candidates.length - 1; i >= 0 && left > 0; i--) {
        const { order, line } = candidates[i]!;
        if (order.at > cancelled.at || line.quantity === 0) continue;
        const taken = Math.min(line.quantity, left);
        line.quantity -= taken;
        left -= taken;
        stats.valueRemoved += taken * line.unitPrice;
        touched.add(order);
      }
      if (left < wanted) stats.linesMatched++;
      else stats.linesUnmatched++;
    }
  }

  for (const order of touched) {
    order.cancelledInFull = order.lines.every((l) => l.quantity === 0);
    if (order.cancelledInFull) stats.ordersCancelledInFull++;
    else stats.ordersCancelledInPart++;
  }
  stats.valueRemoved = Math.round(stats.valueRemoved * 100) / 100;
  return { orders, stats };
}
