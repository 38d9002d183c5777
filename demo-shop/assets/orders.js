import { readJson, writeJson } from './storage.js';

// Placed orders, kept in the browser because the demo shop has no order database. The purchase event must
// reach the dataLayer once per order, so the ids already reported are remembered too.
const ORDERS_KEY = 'loopco.orders';
const REPORTED_KEY = 'loopco.purchases-reported';
const KEEP = 20;

/** "LC-" + time + random, e.g. LC-M3K9P2QX-7Q4F: unique enough for one browser, readable on a receipt. */
export function newOrderId() {
  const random = Math.random().toString(36).slice(2, 6).padEnd(4, '0');
  return `LC-${Date.now().toString(36)}-${random}`.toUpperCase();
}

export function saveOrder(order) {
  const orders = readJson(ORDERS_KEY, []);
  const kept = Array.isArray(orders) ? orders.filter((o) => o && o.id !== order.id) : [];
  return writeJson(ORDERS_KEY, [...kept, order].slice(-KEEP));
}

export function readOrder(id) {
  const orders = readJson(ORDERS_KEY, []);
  return Array.isArray(orders) ? orders.find((o) => o && o.id === id) : undefined;
}

/** True the first time it is called for an order id, false after (also after reloads). */
export function claimPurchaseReport(id) {
  const reported = readJson(REPORTED_KEY, []);
  const ids = Array.isArray(reported) ? reported : [];
  if (ids.includes(id)) return false;
  return writeJson(REPORTED_KEY, [...ids, id].slice(-KEEP * 5));
}
