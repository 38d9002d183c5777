import type { ShoploopItem, ShoploopParams } from '../../shoploop';
import { idLength, itemsPerEvent, maxPrice, maxQuantity, nameText, scenarioLength, shortText, urlLength } from './vocabulary.ts';

// Turns whatever a shop, a dataLayer or a page's structured data supplies into params the collector accepts.
// One invalid event makes the server reject its whole batch, so every rule of its schema is enforced here.

export interface Params extends ShoploopParams {
  customer_id?: string;
  /** rec_impression and rec_click: the answer of /v1/recommendations and the scenario it served */
  rec_id?: string;
  scenario?: string;
  /** push_click: the message whose link brought the visitor */
  message_id?: string;
}

/** Returns the cleaned value, or null/undefined to leave the field out. */
type Rule = (value: unknown) => unknown;

/** the number, or false (NaN, negative, too large) */
const inRange = (n: number, max: number) => n >= 0 && n <= max && n;

/** any value as a string (ids are often numbers), cut to the collector's limit */
const text =
  (max: number): Rule =>
  (value) =>
    value != null && String(value).slice(0, max);

/**
 * numbers, or strings as shops write them: "19.99", "$1,299.00", "1.299,00 €", "19,99". A dot or comma before
 * exactly three digits separates thousands; a comma left over is the decimal point.
 */
const money: Rule = (value) =>
  inRange(parseFloat(String(value).replace(/[.,](?=\d{3}\b)|[^\d.,-]/g, '').replace(',', '.')), maxPrice);

const quantity: Rule = (value) => inRange(Math.round(parseFloat(value as string)), maxQuantity);

/** a 3-letter code (the collector upper-cases it) */
const currency: Rule = (value) => typeof value == 'string' && /^[a-z]{3}$/i.test(value) && value;

/**
 * schema.org URLs ("https://schema.org/InStock"), Open Graph words ("out of stock") and our own names, squeezed to
 * letters ("InStock"), then spelled the collector's way ("in_stock", "out_of_stock").
 */
const availability: Rule = (value) =>
  /(in|outof)stock|preorder|backorder|discontinued/i
    .exec(String(value).replace(/[\W_]/g, ''))?.[0]
    .toLowerCase()
    .replace(/of|stock/g, '_$&');

const short = text(shortText);
const name = text(nameText);
const url = text(urlLength);

const itemRules: Record<keyof ShoploopItem, Rule> = {
  item_id: short,
  item_name: name,
  price: money,
  currency,
  quantity,
  item_category: short,
  item_brand: short,
  image: url,
  url,
  availability,
};

/** Keeps the fields that have a rule and pass it (empty strings and `false` count as failing); drops the rest. */
const pick = <T>(input: unknown, rules: Record<string, Rule>): T => {
  const out: Record<string, unknown> = {};
  for (const key in rules) {
    const value = rules[key]!((input as Record<string, unknown> | undefined)?.[key]);
    if (value || value === 0) out[key] = value;
  }
  return out as T;
};

const paramRules: Record<keyof Params, Rule> = {
  items: (items) =>
    Array.isArray(items) &&
    items
      .map((item) => pick<ShoploopItem>(item, itemRules))
      .filter((item) => item.item_id)
      .slice(0, itemsPerEvent),
  value: money,
  currency,
  transaction_id: short,
  search_term: name,
  item_list_id: short,
  item_list_name: short,
  customer_id: short,
  page_title: name,
  rec_id: text(idLength),
  scenario: text(scenarioLength),
  message_id: text(idLength),
};

export const cleanParams = (input: unknown): Params => pick(input, paramRules);
