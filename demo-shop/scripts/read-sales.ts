import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';

/** What a year of order lines says about one stock code. */
export interface ProductSales {
  stockCode: string;
  /** Invoices that contained the product: the best-seller measure, not skewed by a few bulk orders. */
  orders: number;
  units: number;
  /** How often each description and unit price occurred, to pick the usual one. */
  descriptions: Map<string, number>;
  prices: Map<number, number>;
  lastSold: string;
}

// Real products have five-digit stock codes, sometimes with a letter suffix (85123A). Everything else is
// bookkeeping: POST, DOT, M (manual), C2 (carriage), D (discount), S (samples), BANK CHARGES, AMAZONFEE,
// CRUK, PADS, DCGS… and gift_0001_… vouchers.
const PRODUCT_CODE = /^\d{5}[A-Z]{0,2}$/i;
const NON_PRODUCT_DESCRIPTION = /VOUCHER|POSTAGE|CARRIAGE|MANUAL|SAMPLES|ADJUST|DISCOUNT|BANK CHARGES|AMAZON/i;

interface OrderLine {
  InvoiceNo: string;
  StockCode: string;
  Description: string;
  Quantity: string;
  InvoiceDate: string;
  UnitPrice: string;
}

/** Whether an order line is a sale of a real product (not a cancellation, fee, stock note or freebie). */
export function isProductSale(line: OrderLine): boolean {
  const description = line.Description.trim();
  return (
    !line.InvoiceNo.startsWith('C') &&
    PRODUCT_CODE.test(line.StockCode) &&
    Number(line.Quantity) > 0 &&
    Number(line.UnitPrice) > 0 &&
    description.length > 0 &&
    // stock-keeping notes ("mailout", "check", "damaged") are written in lower case
    description === description.toUpperCase() &&
    !NON_PRODUCT_DESCRIPTION.test(description)
  );
}

function bump<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

export async function readSales(csvGzPath: string): Promise<Map<string, ProductSales>> {
  const sales = new Map<string, ProductSales>();
  const invoicesSeen = new Set<string>();
  const lines = createReadStream(csvGzPath).pipe(createGunzip()).pipe(parse({ columns: true }));
  for await (const line of lines as AsyncIterable<OrderLine>) {
    if (!isProductSale(line)) continue;
    const stockCode = line.StockCode.toUpperCase();
    let product = sales.get(stockCode);
    if (!product) {
      product = { stockCode, orders: 0, units: 0, descriptions: new Map(), prices: new Map(), lastSold: '' };
      sales.set(stockCode, product);
    }
    const invoiceKey = `${line.InvoiceNo}|${stockCode}`;
    if (!invoicesSeen.has(invoiceKey)) {
      invoicesSeen.add(invoiceKey);
      product.orders += 1;
    }
    product.units += Number(line.Quantity);
    bump(product.descriptions, line.Description.trim().replace(/\s+/g, ' '));
    bump(product.prices, Number(line.UnitPrice));
    if (line.InvoiceDate > product.lastSold) product.lastSold = line.InvoiceDate;
  }
  return sales;
}

/** The most frequent key; ties go to the smaller key so the result is stable. */
export function mostFrequent<K extends string | number>(counts: Map<K, number>): K | undefined {
  let best: K | undefined;
  let bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && key < best)) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}
