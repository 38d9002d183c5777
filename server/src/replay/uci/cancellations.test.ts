import { describe, expect, test } from 'vitest';
import { applyCancellations } from './cancellations.ts';
import type { Invoice } from './invoices.ts';
import type { UciLine } from './uci-line.ts';

const DAY = 86_400_000;
let position = 0;
const line = (stockCode: string, quantity: number, unitPrice = 2): Omit<UciLine, 'invoiceNo' | 'at' | 'customerId' | 'cancellation'> => ({
  position: position++,
  stockCode,
  description: stockCode,
  quantity,
  unitPrice,
});

function invoice(invoiceNo: string, day: number, customerId: string | null, lines: ReturnType<typeof line>[]): Invoice {
  const at = day * DAY;
  const cancellation = invoiceNo.startsWith('C');
  return { invoiceNo, customerId, at, cancellation, lines: lines.map((l) => ({ ...l, invoiceNo, at, customerId, cancellation })) };
}

describe('applyCancellations', () => {
  test('takes a cancelled line off the same customer’s latest earlier order of that product', () => {
    const { orders, stats } = applyCancellations([
      invoice('1', 1, 'A', [line('X', 10), line('Y', 1)]),
      invoice('2', 2, 'A', [line('X', 4)]),
      invoice('3', 2, 'B', [line('X', 5)]),
      invoice('C4', 3, 'A', [line('X', -3)]),
    ]);
    expect(orders.map((o) => [o.invoiceNo, o.lines.map((l) => l.quantity), o.cancelledInFull])).toEqual([
      ['1', [10, 1], false],
      ['2', [1], false], // 4 - 3: the latest order, not the oldest, and not customer B's
      ['3', [5], false],
    ]);
    expect(stats).toEqual({ invoices: 1, linesMatched: 1, linesUnmatched: 0, ordersCancelledInFull: 0, ordersCancelledInPart: 1, valueRemoved: 6 });
  });

  test('spills a large cancellation over to older orders; an order with nothing left is cancelled in full', () => {
    const { orders, stats } = applyCancellations([
      invoice('1', 1, 'A', [line('X', 10), line('Y', 1, 5)]),
      invoice('2', 2, 'A', [line('X', 4)]),
      invoice('C3', 3, 'A', [line('X', -6), line('Y', -1, 5)]),
    ]);
    expect(orders.map((o) => [o.lines.map((l) => l.quantity), o.cancelledInFull])).toEqual([
      [[8, 0], false],
      [[0], true],
    ]);
    expect(stats).toMatchObject({ linesMatched: 2, ordersCancelledInFull: 1, ordersCancelledInPart: 1, valueRemoved: 17 });
  });

  test('leaves unmatched what has no earlier order in the file: a later order, another product, an order before the file', () => {
    const { orders, stats } = applyCancellations([
      invoice('C1', 1, 'A', [line('X', -2)]), // the order predates the file
      invoice('2', 2, 'A', [line('X', 5)]),
      invoice('C3', 3, 'A', [line('Z', -1)]),
    ]);
    expect(orders.map((o) => o.lines.map((l) => l.quantity))).toEqual([[5]]);
    expect(stats).toMatchObject({ invoices: 2, linesMatched: 0, linesUnmatched: 2, ordersCancelledInFull: 0, ordersCancelledInPart: 0, valueRemoved: 0 });
  });
});
