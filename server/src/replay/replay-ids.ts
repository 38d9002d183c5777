import { customerProfileId, visitorProfileId } from '../lifecycle/profile-ids.ts';

/**
 * Every id the replay sends is derived from the file (invoice, line position, customer), never random: a
 * second replay sends the same ids, and the collector's dedupe acknowledges them instead of storing them
 * again. The `uci-` prefix keeps them apart from a real shop's ids on the same site.
 */
export const replayIds = {
  /** the customer id `identify` sends, and the visitor id of all that customer's sessions */
  customer: (customerId: string) => `uci-${customerId}`,
  guestVisitor: (invoiceNo: string) => `uci-guest-${invoiceNo}`,
  session: (invoiceNo: string) => `uci-${invoiceNo}`,
  identifyEvent: (customerId: string) => `uci-${customerId}-identify`,
  event: (invoiceNo: string, kind: 'page' | 'checkout' | 'purchase') => `uci-${invoiceNo}-${kind}`,
  lineEvent: (invoiceNo: string, kind: 'view' | 'cart', position: number) => `uci-${invoiceNo}-${kind}-${position}`,
};

/** The lifecycle's person of a replayed order: the customer, or the guest's one-visit visitor. */
export function profileIdOf(order: { customerId: string | null; invoiceNo: string }): string {
  return order.customerId === null ? visitorProfileId(replayIds.guestVisitor(order.invoiceNo)) : customerProfileId(replayIds.customer(order.customerId));
}
