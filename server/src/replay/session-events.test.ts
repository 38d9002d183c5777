import { describe, expect, test } from 'vitest';
import { eventSchema } from '../collect/schema.ts';
import { sessionEvents } from './session-events.ts';
import type { Order } from './uci/cancellations.ts';

const at = Date.UTC(2011, 5, 1, 10, 0);
const origin = 'https://shop.example';

function order(quantities: number[], customerId: string | null = '17850'): Order {
  return {
    invoiceNo: '536365',
    customerId,
    at,
    cancelledInFull: quantities.every((q) => q === 0),
    lines: quantities.map((quantity, i) => ({
      invoiceNo: '536365',
      position: i * 2, // every other line of the invoice was skipped
      stockCode: `8512${i}A`,
      description: i === 0 ? 'WHITE HANGING HEART T-LIGHT HOLDER' : `ITEM ${i}`,
      quantity,
      unitPrice: 2.55,
      at,
      customerId,
      cancellation: false,
    })),
  };
}

describe('sessionEvents', () => {
  test('a page view, a view and an add to cart per line, checkout, and the purchase at the invoice’s time', () => {
    const events = sessionEvents(order([6, 2]), { origin, offsetMs: 1000, identify: true });
    expect(events.map((e) => e.name)).toEqual(['identify', 'page_view', 'view_item', 'add_to_cart', 'view_item', 'add_to_cart', 'begin_checkout', 'purchase']);
    expect(events.map((e) => e.id)).toEqual([
      'uci-17850-identify', 'uci-536365-page', 'uci-536365-view-0', 'uci-536365-cart-0', 'uci-536365-view-2', 'uci-536365-cart-2', 'uci-536365-checkout', 'uci-536365-purchase',
    ]);
    expect(events[0]!.params.customer_id).toBe('uci-17850');
    const purchase = events.at(-1)!;
    expect(purchase.ts).toBe(at + 1000);
    expect(purchase.params).toMatchObject({ transaction_id: '536365', currency: 'GBP', value: 20.4 });
    expect(purchase.params.items).toEqual([
      { item_id: '85120A', item_name: 'WHITE HANGING HEART T-LIGHT HOLDER', price: 2.55, item_category: 'Candles & lights', quantity: 6 },
      { item_id: '85121A', item_name: 'ITEM 1', price: 2.55, quantity: 2 },
    ]);
    expect(new Set(events.map((e) => e.sid))).toEqual(new Set(['uci-536365']));
    const gaps = events.slice(1).map((e, i) => e.ts - events[i]!.ts);
    expect(gaps.every((g) => g === 3000)).toBe(true);
    for (const e of events) expect(eventSchema.safeParse(e).success).toBe(true);
  });

  test('the same order gives the same ids every time, whatever the time shift', () => {
    const ids = (offsetMs: number) => sessionEvents(order([1]), { origin, offsetMs, identify: false }).map((e) => e.id);
    expect(ids(0)).toEqual(ids(5e11));
  });

  test('an order cancelled in full is a visit that looked and bought nothing; a cancelled line is only viewed', () => {
    expect(sessionEvents(order([0, 0]), { origin, offsetMs: 0, identify: false }).map((e) => e.name)).toEqual(['page_view', 'view_item', 'view_item']);
    const partly = sessionEvents(order([3, 0]), { origin, offsetMs: 0, identify: false });
    expect(partly.map((e) => e.name)).toEqual(['page_view', 'view_item', 'add_to_cart', 'view_item', 'begin_checkout', 'purchase']);
    expect(partly.at(-1)!.params.value).toBe(7.65);
  });

  test('a huge basket: at most 50 purchase items, value over every line, the session well inside 30 minutes', () => {
    const events = sessionEvents(order(Array.from({ length: 400 }, () => 1), null), { origin, offsetMs: 0, identify: true });
    expect(events[0]!.name).toBe('page_view'); // a guest never identifies
    const purchase = events.at(-1)!;
    expect(purchase.params.items).toHaveLength(50);
    expect(purchase.params.value).toBe(1020);
    expect(purchase.ts - events[0]!.ts).toBeLessThanOrEqual(15 * 60_000);
    for (const e of events) expect(eventSchema.safeParse(e).success).toBe(true);
  });
});
