import type { Order } from './uci/cancellations.ts';

export interface SliceOptions {
  /** only orders at or after this time (in the file's own dates) */
  since?: number;
  /** only about this many people (customers, and guests — one order each), spread evenly over the year */
  limitCustomers?: number;
}

/** A guest order is a person of its own. */
export const personOf = (order: Pick<Order, 'customerId' | 'invoiceNo'>) => order.customerId ?? `guest:${order.invoiceNo}`;

/**
 * The orders to replay, oldest first: the whole year, or the slice the options ask for. A limit takes every
 * k-th person in order of first order, with all their orders: a sample that looks like the whole shop. The
 * first N people would not: the file's first customers are its December regulars, who average twelve orders.
 */
export function sliceOrders(orders: readonly Order[], { since, limitCustomers }: SliceOptions): Order[] {
  const recent = since === undefined ? [...orders] : orders.filter((o) => o.at >= since);
  if (limitCustomers === undefined) return recent;
  const people = [...new Set(recent.map(personOf))]; // a Set keeps first-insertion order: by first order
  const step = Math.max(1, people.length / limitCustomers);
  const chosen = new Set<string>();
  for (let i = 0; i < people.length && chosen.size < limitCustomers; i += step) chosen.add(people[Math.floor(i)]!);
  return recent.filter((o) => chosen.has(personOf(o)));
}
