import { clearCart, readCart } from './cart-store.js';
import { gaItem, pushEcommerce } from './data-layer.js';
import { renderSummaryLines, renderTotals } from './dom.js';
import { totalsOf } from './money.js';
import { newOrderId, saveOrder } from './orders.js';

// Checkout pushes begin_checkout. "Place order" keeps the order in localStorage, empties the basket and opens
// /order/:orderId, where the confirmation page reports the purchase.
export function initCheckoutPage() {
  const checkout = document.querySelector('[data-checkout]');
  const form = document.querySelector('[data-checkout-form]');
  const empty = document.querySelector('[data-cart-empty]');
  if (!checkout || !form) return;

  const lines = readCart();
  if (lines.length === 0) {
    if (empty) empty.hidden = false;
    return;
  }
  const totals = totalsOf(lines);
  checkout.hidden = false;
  renderSummaryLines(checkout.querySelector('[data-summary-lines]'), lines);
  renderTotals(checkout.querySelector('[data-totals]'), totals);
  pushEcommerce('begin_checkout', { currency: totals.currency, value: totals.subtotal / 100, items: lines.map((l) => gaItem(l)) });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const fields = Object.fromEntries(new FormData(form));
    const current = readCart(); // the basket may have changed in another tab since the page loaded
    if (current.length === 0) return window.location.assign('/cart');
    const order = {
      id: newOrderId(),
      placedAt: new Date().toISOString(),
      lines: current,
      totals: totalsOf(current),
      customer: { name: fields.name, email: fields.email, address: fields.address, city: fields.city, postcode: fields.postcode },
    };
    saveOrder(order);
    clearCart();
    window.location.assign(`/order/${encodeURIComponent(order.id)}`);
  });
}
