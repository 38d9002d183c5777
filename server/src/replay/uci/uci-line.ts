/** One order line of the UCI Online Retail file, parsed. */
export interface UciLine {
  invoiceNo: string;
  /** the line's place among its invoice's lines in the file (skipped lines included), so ids built on it stay stable */
  position: number;
  stockCode: string;
  description: string;
  quantity: number;
  unitPrice: number;
  /** InvoiceDate as ms since the epoch (the file's times are UTC) */
  at: number;
  /** null for a guest order */
  customerId: string | null;
  /** a `C…` invoice: it cancels (part of) an earlier order */
  cancellation: boolean;
}

/** Why a line of the file is not replayed; the report counts each. */
export const skipReasons = [
  'unparseable',
  'service_code',
  'zero_price',
  'negative_quantity',
  'guest_cancellation',
  'unmatched_cancellation',
] as const;
export type SkipReason = (typeof skipReasons)[number];

/** Postage, fees, discounts, manual corrections and vouchers: lines of an invoice that are not products. */
const serviceCodes = new Set(['POST', 'DOT', 'M', 'C2', 'D', 'S', 'BANK CHARGES', 'AMAZONFEE', 'CRUK', 'B']);
const isServiceCode = (code: string) => serviceCodes.has(code.toUpperCase()) || code.toLowerCase().startsWith('gift_');

export const skipReasonText: Record<SkipReason, string> = {
  unparseable: 'unparseable (missing field, bad number or date)',
  service_code: `not a product (${[...serviceCodes].join(', ')}, gift_… vouchers)`,
  zero_price: 'zero or negative unit price',
  negative_quantity: 'zero or negative quantity outside a cancellation (stock adjustments)',
  guest_cancellation: 'cancellation without a customer id (cannot be matched to an order)',
  unmatched_cancellation: 'cancellation with no earlier order of that product by that customer in the file',
};

export const uciColumns = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'] as const;
export type UciRecord = Record<(typeof uciColumns)[number], string>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** `YYYY-MM-DD HH:MM[:SS]` in UTC, or NaN. */
export function parseUciDate(text: string): number {
  const m = DATE.exec(text.trim());
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const seconds = Number.isNaN(s) ? 0 : s;
  const ms = Date.UTC(y, mo - 1, d, h, mi, seconds);
  const back = new Date(ms); // Date.UTC rolls 2011-02-30 over into March: refuse what does not come back
  return back.getUTCMonth() === mo - 1 && back.getUTCDate() === d && h < 24 && mi < 60 && seconds < 60 ? ms : Number.NaN;
}

/** One CSV record as a line to replay, or the reason it is skipped. Cancellation matching happens later. */
export function parseUciRecord(r: Partial<UciRecord>, position: number, dateCache?: Map<string, number>): UciLine | SkipReason {
  const field = (name: keyof UciRecord) => (r[name] ?? '').trim();
  const invoiceNo = field('InvoiceNo');
  const stockCode = field('StockCode');
  const quantity = field('Quantity') === '' ? Number.NaN : Number(field('Quantity'));
  const unitPrice = field('UnitPrice') === '' ? Number.NaN : Number(field('UnitPrice'));
  const date = field('InvoiceDate');
  const at = dateCache?.get(date) ?? parseUciDate(date);
  dateCache?.set(date, at);
  const customerId = field('CustomerID').replace(/\.0+$/, '') || null; // some exports write 17850.0
  if (!invoiceNo || !stockCode || !Number.isInteger(quantity) || !Number.isFinite(unitPrice) || Number.isNaN(at)) return 'unparseable';
  // both end up in event ids, which allow letters, digits and _ . : - only
  if (!/^[\w.:-]{1,40}$/.test(invoiceNo) || (customerId !== null && !/^[\w.:-]{1,40}$/.test(customerId))) return 'unparseable';
  if (isServiceCode(stockCode)) return 'service_code';
  if (unitPrice <= 0) return 'zero_price';
  const cancellation = invoiceNo.toUpperCase().startsWith('C');
  if (!cancellation && quantity <= 0) return 'negative_quantity';
  if (cancellation && customerId === null) return 'guest_cancellation';
  return { invoiceNo, position, stockCode, description: field('Description'), quantity, unitPrice, at, customerId, cancellation };
}
