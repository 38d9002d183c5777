import type { ShoploopItem, ShoploopParams } from '../../shoploop';
import { availabilities, itemsPerEvent, maxPrice, maxQuantity, nameText, shortText, urlLength } from './vocabulary.ts';

// Turns whatever a shop, a dataLayer or a page's structured data supplies into params the collector accepts.
// One invalid event makes the server reject its whole batch, so every rule of its schema is enforced here.

export interface Params extends ShoploopParams {
  customer_id?: string;
}

/** Returns the cleaned value, or null/undefined to leave the field out. */
type Rule = (value: unknown) => unknown;

const number = (value: unknown) =>
  typeof value == 'number' || (typeof value == 'string' && value.trim()) ? Number(value) : NaN;

const inRange = (n: number, max: number) => (n >= 0 && n <= max ? n : null);

const text =
  (max: number): Rule =>
  (value) =>
    (typeof value == 'string' || typeof value == 'number') && String(value).slice(0, max);

const money: Rule = (value) => inRange(number(value), maxPrice);

const quantity: Rule = (value) => inRange(Math.round(number(value)), maxQuantity);

const currency: Rule = (value) => typeof value == 'string' && /^[a-z]{3}$/i.test(value) && value.toUpperCase();

/** schema.org URLs ("https://schema.org/InStock"), Open Graph words ("out of stock") and our own names. */
const availability: Rule = (value) => {
  const word = String(value).replace(/[\W_]/g, '').toLowerCase();
  return availabilities.find((a) => word.endsWith(a.replace(/_/g, '')));
};

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

const paramRules: Record<Exclude<keyof Params, 'items'>, Rule> = {
  value: money,
  currency,
  transaction_id: short,
  search_term: name,
  item_list_id: short,
  item_list_name: short,
  customer_id: short,
  page_title: name,
};

/** Keeps the fields that have a rule and pass it (empty strings and `false` count as failing); drops the rest. */
const pick = <T>(input: unknown, rules: Record<string, Rule>): T => {
  const out: Record<string, unknown> = {};
  for (const key in rules) {
    const value = rules[key]!((Object(input) as Record<string, unknown>)[key]);
    if (value || value === 0) out[key] = value;
  }
  return out as T;
};

export const cleanParams = (input: unknown): Params => {
  const params = pick<Params>(input, paramRules);
  const items = (Object(input) as { items?: unknown }).items;
  if (Array.isArray(items)) {
    params.items = items
      .map((item) => pick<ShoploopItem>(item, itemRules))
      .filter((item) => item.item_id)
      .slice(0, itemsPerEvent);
  }
  return params;
};
