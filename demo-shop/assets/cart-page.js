import { CART_CHANGED, readCart, removeFromCart, setQuantity, MAX_QUANTITY } from './cart-store.js';
import { gaItem, pushEcommerce } from './data-layer.js';
import { el, renderTotals } from './dom.js';
import { formatMoney, toPence, totalsOf } from './money.js';

// The basket page: pushes view_cart once, then add_to_cart / remove_from_cart for each change, with the
// quantity that changed.

function pushQuantityChange(line, delta) {
  if (delta === 0) return;
  const quantity = Math.abs(delta);
  pushEcommerce(delta > 0 ? 'add_to_cart' : 'remove_from_cart', {
    currency: line.currency,
    value: (toPence(line.price) * quantity) / 100,
    items: [gaItem({ ...line, quantity })],
  });
}

function cartLine(line) {
  const productUrl = `/product/${encodeURIComponent(line.item_id)}`;
  return el('tr', { 'data-testid': 'cart-line', 'data-item-id': line.item_id },
    el('td', { class: 'line-image' }, el('img', { src: `/images/${encodeURIComponent(line.item_id)}.svg`, alt: '', width: 64, height: 64 })),
    el('td', {}, el('a', { href: productUrl }, line.item_name), el('br'), el('small', { class: 'muted' }, `Code ${line.item_id}`)),
    el('td', {}, formatMoney(toPence(line.price), line.currency)),
    el('td', {}, el('input', {
      type: 'number', min: '1', max: String(MAX_QUANTITY), value: String(line.quantity),
      'data-testid': 'quantity', 'aria-label': `Quantity of ${line.item_name}`,
    })),
    el('td', { class: 'amount' }, formatMoney(toPence(line.price) * line.quantity, line.currency)),
    el('td', {}, el('button', { type: 'button', class: 'link-button', 'data-testid': 'remove-from-cart' }, 'Remove')),
  );
}

export function initCartPage() {
  const view = document.querySelector('[data-cart-view]');
  if (!view) return;
  const table = view.querySelector('[data-cart-table]');
  const body = view.querySelector('[data-cart-lines]');
  const summary = view.querySelector('[data-cart-summary]');
  const empty = view.querySelector('[data-cart-empty]');

  function render() {
    const lines = readCart();
    body.replaceChildren(...lines.map(cartLine));
    renderTotals(summary.querySelector('[data-totals]'), totalsOf(lines));
    table.hidden = summary.hidden = lines.length === 0;
    empty.hidden = lines.length > 0;
  }

  const lines = readCart();
  const totals = totalsOf(lines);
  pushEcommerce('view_cart', { currency: totals.currency, value: totals.subtotal / 100, items: lines.map((l) => gaItem(l)) });
  render();

  body.addEventListener('change', (event) => {
    const input = event.target;
    const row = input instanceof HTMLInputElement ? input.closest('[data-testid="cart-line"]') : null;
    if (!row) return;
    const line = readCart().find((l) => l.item_id === row.dataset.itemId);
    if (line) pushQuantityChange(line, setQuantity(line.item_id, input.value));
  });

  body.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-testid="remove-from-cart"]') : null;
    const row = button?.closest('[data-testid="cart-line"]');
    if (!row) return;
    const removed = removeFromCart(row.dataset.itemId);
    if (removed) pushQuantityChange(removed, -removed.quantity);
  });

  window.addEventListener(CART_CHANGED, render);
  window.addEventListener('storage', render); // another tab changed the basket
}
