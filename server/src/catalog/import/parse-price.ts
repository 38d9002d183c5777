import { limits } from '../../collect/vocabulary.ts';
import { fail, ok, quote, type Parsed } from './parsed.ts';

export interface Money {
  amount: number;
  /** upper-case ISO 4217 code, when the value carried one */
  currency?: string;
}

const PRICE = /^(?:([A-Za-z]{3})\s*)?(\d[\d.,]*)(?:\s*([A-Za-z]{3}))?$/;

/**
 * A decimal with an optional thousands separator. The last of `.` / `,` is the decimal point when both
 * appear (1,299.00 and 1.299,00); a lone comma is a decimal comma (12,50) unless it groups thousands (1,299).
 */
function parseDecimal(s: string): number | undefined {
  let normalized = s;
  const dot = s.lastIndexOf('.');
  const comma = s.lastIndexOf(',');
  if (dot !== -1 && comma !== -1) {
    const decimal = dot > comma ? '.' : ',';
    const grouping = decimal === '.' ? ',' : '.';
    normalized = s.split(grouping).join('').replace(decimal, '.');
  } else if (comma !== -1) {
    normalized = /^\d{1,3}(,\d{3})+$/.test(s) ? s.split(',').join('') : s.replace(',', '.');
  } else if (/^\d{1,3}(\.\d{3}){2,}$/.test(s)) {
    normalized = s.split('.').join('');
  }
  return /^\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : undefined;
}

/** A feed price: a number, or Merchant text like "12.50 GBP" (also "GBP 12.50", "12.50", "1,299.00 USD"). */
export function parsePrice(value: string | number): Parsed<Money> {
  let money: Money;
  if (typeof value === 'number') {
    money = { amount: value };
  } else {
    if (/^-\s*\d/.test(value.trim())) return fail(`${quote(value)} is negative; a price is 0 or more`);
    const m = PRICE.exec(value.trim());
    const amount = m ? parseDecimal(m[2]!) : undefined;
    if (!m || amount === undefined || (m[1] && m[3])) return fail(`${quote(value)} is not a price like 12.50 or 12.50 GBP`);
    const currency = (m[1] ?? m[3])?.toUpperCase();
    money = currency ? { amount, currency } : { amount };
  }
  if (!Number.isFinite(money.amount) || money.amount < 0 || money.amount > limits.maxPrice) {
    return fail(`${quote(value)} is out of range (0 to ${limits.maxPrice})`);
  }
  return ok(money);
}

/** Merchant's `sale_price_effective_date`: two ISO 8601 times joined by `/`, e.g. 2026-11-27T00:00+0000/2026-12-01T00:00+0000. */
export function parseSalePeriod(value: string): Parsed<{ from: number; to: number }> {
  const [start, end, ...more] = value.split('/');
  const from = Date.parse(start?.trim() ?? '');
  const to = Date.parse(end?.trim() ?? '');
  if (more.length > 0 || Number.isNaN(from) || Number.isNaN(to)) return fail(`${quote(value)} is not two ISO 8601 times joined by /`);
  return ok({ from, to });
}
