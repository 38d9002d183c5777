/**
 * Every id a Shopify webhook writes is derived from the order, never random: Shopify delivers a webhook at least
 * once (a retry, `orders/create` and `orders/paid` for one order, the same topic subscribed twice), and the same
 * event id is stored once (the events table's unique index). The prefixes keep them apart from the tracker's.
 */
export const shopifyIds = {
  purchaseEvent: (orderId: string) => `shopify.${orderId}.purchase`,
  identifyEvent: (orderId: string) => `shopify.${orderId}.identify`,
  refundEvent: (orderId: string, refundId: string) => `shopify.${orderId}.refund.${refundId}`,
  cancelEvent: (orderId: string) => `shopify.${orderId}.cancel`,
  /** the session of an order placed when its visitor had none running */
  orderSession: (orderId: string) => `shopify.${orderId}`,
  /** the visitor of an order that carries no Shoploop visitor id: its customer's, else its own */
  customerVisitor: (customerId: string) => `shopify-customer.${customerId}`,
  orderVisitor: (orderId: string) => `shopify-order.${orderId}`,
};

/** The cart attribute the theme writes Shoploop's visitor id into; Shopify copies it into `note_attributes`. */
export const VISITOR_ATTRIBUTE = 'shoploop_vid';
