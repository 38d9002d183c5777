import { readJson, writeJson } from './storage.js';

// The basket: an array of GA4-shaped lines in localStorage, so it survives reloads and is shared by tabs.
const CART_KEY = 'loopco.cart';
export const MAX_QUANTITY = 99;
/** Fired on window whenever this tab changes the basket. */
export const CART_CHANGED = 'loopco:cart-changed';

function isLine(line) {
  return (
    line !== null && typeof line === 'object' && typeof line.item_id === 'string' &&
    typeof line.price === 'number' && Number.isInteger(line.quantity) && line.quantity > 0
  );
}

export function clampQuantity(value) {
  const quantity = Math.floor(Number(value));
  return Number.isFinite(quantity) ? Math.min(Math.max(quantity, 1), MAX_QUANTITY) : 1;
}

export function readCart() {
  const lines = readJson(CART_KEY, []);
  return Array.isArray(lines) ? lines.filter(isLine) : [];
}

function writeCart(lines) {
  writeJson(CART_KEY, lines);
  window.dispatchEvent(new CustomEvent(CART_CHANGED));
}

export function cartCount(lines = readCart()) {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}

/** Adds to the basket; returns how many were really added (the line is capped at MAX_QUANTITY). */
export function addToCart(item, quantity) {
  const lines = readCart();
  const line = lines.find((l) => l.item_id === item.item_id);
  const before = line ? line.quantity : 0;
  const after = Math.min(before + clampQuantity(quantity), MAX_QUANTITY);
  if (line) line.quantity = after;
  else lines.push({ ...item, quantity: after });
  writeCart(lines);
  return after - before;
}

/** Sets a line's quantity; returns the change (negative when fewer), 0 if the line is gone. */
export function setQuantity(itemId, quantity) {
  const lines = readCart();
  const line = lines.find((l) => l.item_id === itemId);
  if (!line) return 0;
  const delta = clampQuantity(quantity) - line.quantity;
  line.quantity += delta;
  writeCart(lines);
  return delta;
}

/** Removes a line; returns it as it was, or undefined. */
export function removeFromCart(itemId) {
  const lines = readCart();
  const removed = lines.find((l) => l.item_id === itemId);
  writeCart(lines.filter((l) => l.item_id !== itemId));
  return removed;
}

export function clearCart() {
  writeCart([]);
}
