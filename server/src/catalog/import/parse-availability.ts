import type { Availability } from '../../db/schema/catalog.ts';
import { fail, ok, quote, type Parsed } from './parsed.ts';

/** Spellings seen in feeds, with spaces, `_` and `-` removed: Merchant, GA4 and schema.org's ItemAvailability. */
const spellings: Record<string, Availability> = {
  instock: 'in_stock',
  availablefororder: 'in_stock',
  limitedavailability: 'in_stock',
  onlineonly: 'in_stock',
  outofstock: 'out_of_stock',
  soldout: 'out_of_stock',
  preorder: 'preorder',
  presale: 'preorder',
  backorder: 'backorder',
  discontinued: 'discontinued',
};

/** `in stock`, `in_stock`, `InStock` and `https://schema.org/InStock` all mean in_stock. */
export function parseAvailability(value: string): Parsed<Availability> {
  const key = value.trim().toLowerCase().replace(/^https?:\/\/schema\.org\//, '').replace(/[\s_-]+/g, '');
  const availability = spellings[key];
  return availability
    ? ok(availability)
    : fail(`${quote(value)} is not one of in stock, out of stock, preorder, backorder, discontinued`);
}
