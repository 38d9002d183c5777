import { applyCancellations, type CancellationStats, type Order } from './cancellations.ts';
import { groupInvoices } from './invoices.ts';
import { readUciFile } from './read-uci-file.ts';
import { skipReasons, type SkipReason } from './uci-line.ts';

/** The file as the replay uses it: its orders as they finally stood, and what became of every line. */
export interface UciYear {
  /** oldest first; a guest order's customerId is null */
  orders: Order[];
  lines: {
    read: number;
    /** product lines of orders (an order line cancelled in full is still among them: it is viewed) */
    replayed: number;
    /** cancellation lines taken off earlier orders */
    cancellationsApplied: number;
    skipped: Record<SkipReason, number>;
  };
  cancellations: CancellationStats;
}

/** Reads the UCI Online Retail file and takes its cancellations off the orders they cancel. */
export async function loadUciYear(path: string, onProgress?: (fraction: number) => void): Promise<UciYear> {
  const file = await readUciFile(path, onProgress);
  const { orders, stats } = applyCancellations(groupInvoices(file.lines));
  const skipped = Object.fromEntries(skipReasons.map((r) => [r, file.skipped.get(r) ?? 0])) as Record<SkipReason, number>;
  skipped.unmatched_cancellation += stats.linesUnmatched;
  const cancellationLines = stats.linesMatched + stats.linesUnmatched;
  return {
    orders,
    lines: { read: file.linesRead, replayed: file.lines.length - cancellationLines, cancellationsApplied: stats.linesMatched, skipped },
    cancellations: stats,
  };
}
