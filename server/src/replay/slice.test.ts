import { describe, expect, test } from 'vitest';
import { personOf, sliceOrders } from './slice.ts';
import type { Order } from './uci/cancellations.ts';

const DAY = 86_400_000;
const order = (invoiceNo: string, day: number, customerId: string | null): Order => ({ invoiceNo, customerId, at: day * DAY, lines: [], cancelledInFull: false });

// ten people by first order: A..H customers, two guests; A and B order again late in the year
const orders = [
  order('1', 1, 'A'), order('2', 2, 'B'), order('3', 3, null), order('4', 4, 'C'), order('5', 5, 'D'), order('6', 6, 'E'),
  order('7', 7, null), order('8', 8, 'F'), order('9', 9, 'G'), order('10', 10, 'H'), order('11', 11, 'A'), order('12', 12, 'B'),
];

describe('sliceOrders', () => {
  test('no options: every order', () => {
    expect(sliceOrders(orders, {})).toHaveLength(12);
  });

  test('a limit takes people spread over the year, each with all their orders', () => {
    const slice = sliceOrders(orders, { limitCustomers: 5 });
    expect([...new Set(slice.map(personOf))]).toEqual(['A', 'guest:3', 'D', 'guest:7', 'G']);
    expect(slice.map((o) => o.invoiceNo)).toEqual(['1', '3', '5', '7', '9', '11']);
    expect(new Set(sliceOrders(orders, { limitCustomers: 50 }).map(personOf)).size).toBe(10);
  });

  test('since keeps the orders from that day on, and the limit counts people in them', () => {
    expect(sliceOrders(orders, { since: 10 * DAY }).map((o) => o.invoiceNo)).toEqual(['10', '11', '12']);
    expect(sliceOrders(orders, { since: 10 * DAY, limitCustomers: 2 }).map((o) => o.invoiceNo)).toEqual(['10', '11']);
  });
});
