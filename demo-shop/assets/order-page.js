import { gaItem, pushEcommerce } from './data-layer.js';
import { renderSummaryLines, renderTotals } from './dom.js';
import { claimPurchaseReport, readOrder } from './orders.js';

// The order confirmation pushes purchase exactly once per order: a reload or a visit from history shows the
// order again but reports nothing.
export function initOrderPage() {
  const section = document.querySelector('[data-testid="order-confirmation"]');
  const order = section ? readOrder(section.dataset.orderId) : undefined;
  if (!section) return;
  if (!order) {
    section.querySelector('[data-order-missing]').hidden = false;
    return;
  }

  const details = section.querySelector('[data-order-details]');
  details.querySelector('[data-order-greeting]').textContent =
    `Thanks, ${order.customer.name}. We have emailed a receipt to ${order.customer.email}.`;
  renderSummaryLines(details.querySelector('[data-summary-lines]'), order.lines);
  renderTotals(details.querySelector('[data-totals]'), order.totals);
  details.querySelector('[data-order-address]').textContent =
    [order.customer.address, order.customer.city, order.customer.postcode].filter(Boolean).join(', ');
  details.hidden = false;

  if (claimPurchaseReport(order.id)) {
    pushEcommerce('purchase', {
      transaction_id: order.id,
      value: order.totals.subtotal / 100,
      shipping: order.totals.delivery / 100,
      currency: order.totals.currency,
      items: order.lines.map((line) => gaItem(line)),
    });
  }
}
