import type { UciLine } from './uci-line.ts';

/** The lines of one invoice: an order, or (for a `C…` invoice) a cancellation. */
export interface Invoice {
  invoiceNo: string;
  customerId: string | null;
  at: number;
  cancellation: boolean;
  lines: UciLine[];
}

/**
 * Groups lines by invoice number, oldest invoice first (ties keep file order). An invoice's lines share its
 * number, time and customer in this file; the first line's are used if they ever differ.
 */
export function groupInvoices(lines: readonly UciLine[]): Invoice[] {
  const byNumber = new Map<string, Invoice>();
  for (const line of lines) {
    const invoice = byNumber.get(line.invoiceNo);
    if (invoice) invoice.lines.push(line);
    else byNumber.set(line.invoiceNo, { invoiceNo: line.invoiceNo, customerId: line.customerId, at: line.at, cancellation: line.cancellation, lines: [line] });
  }
  const invoices = [...byNumber.values()];
  for (const invoice of invoices) invoice.lines.sort((a, b) => a.position - b.position);
  return invoices.sort((a, b) => a.at - b.at); // Array.prototype.sort is stable
}
