import { z } from 'zod';
import { limits } from '../../collect/vocabulary.ts';
import type { ProductObservation } from '../observation.ts';
import { feedFieldNames, pickFeedFields, type FeedField } from './feed-fields.ts';
import type { RawFields } from './feed-row.ts';
import { parseAvailability } from './parse-availability.ts';
import { parsePrice, parseSalePeriod, type Money } from './parse-price.ts';
import type { Parsed } from './parsed.ts';
import { resolveUrl } from './resolve-url.ts';

export interface FeedProductOptions {
  /** resolves relative `url` and `image` values */
  baseUrl?: URL;
  /** decides whether a `sale_price` with an effective date applies */
  now: number;
}

export type FeedProductResult =
  | { ok: true; product: ProductObservation; ignored: string[] }
  | { ok: false; itemId?: string; reason: string; ignored: string[] };

/** Turns a helper's Parsed result into a zod transform step. */
const check =
  <I, T>(read: (input: I) => Parsed<T>) =>
  (input: I, ctx: z.RefinementCtx): T => {
    const parsed = read(input);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  };

const textOrNumber = z.union([z.string(), z.number()], { error: 'must be text' }).transform(String);
const atMost = (max: number) => z.string().max(max, `longer than ${max} characters`);
const text = (max: number) => textOrNumber.pipe(atMost(max));

/** `Home > Kitchen > Mugs` keeps `Mugs`: the most specific level groups products the way recommendations need. */
const mostSpecificCategory = (path: string) => path.split('>').map((s) => s.trim()).filter(Boolean).at(-1) ?? path;

const price = z.union([z.number(), z.string()], { error: 'must be a number or text like 12.50 GBP' }).transform(check(parsePrice));

const currency = z
  .string({ error: 'must be text' })
  .regex(/^[A-Za-z]{3}$/, 'not a 3-letter currency code like GBP')
  .transform((c) => c.toUpperCase());

function feedRowSchema(options: FeedProductOptions) {
  const url = textOrNumber.transform(check((v: string) => resolveUrl(v, options.baseUrl))).pipe(
    z.string().max(limits.urlLength, `longer than ${limits.urlLength} characters once resolved`),
  );
  return z.object({
    item_id: text(limits.shortText),
    name: text(limits.nameText).optional(),
    price: price.optional(),
    sale_price: price.optional(),
    sale_price_effective_date: z.string({ error: 'must be text' }).transform(check(parseSalePeriod)).optional(),
    currency: currency.optional(),
    category: textOrNumber.transform(mostSpecificCategory).pipe(atMost(limits.shortText)).optional(),
    brand: text(limits.shortText).optional(),
    image: url.optional(),
    url: url.optional(),
    availability: z.string({ error: 'must be text' }).transform(check(parseAvailability)).optional(),
  });
}

type FeedRowValues = z.infer<ReturnType<typeof feedRowSchema>>;

/** Merchant's rule: a sale price replaces the price, within its effective period when one is given. */
function effectivePrice(row: FeedRowValues, now: number): { money: Money | undefined; saleEndsAt: number | null } {
  const period = row.sale_price_effective_date;
  const saleApplies = row.sale_price && (!period || (period.from <= now && now < period.to));
  // a sale with an end is news only until then: a price-drop message about it lives no longer
  return saleApplies ? { money: row.sale_price, saleEndsAt: period && Number.isFinite(period.to) ? period.to : null } : { money: row.price, saleEndsAt: null };
}

/** The one currency the row states, or the fields that disagree. */
function rowCurrency(row: FeedRowValues): Parsed<string | undefined> {
  const stated = [
    ['currency', row.currency],
    ['price', row.price?.currency],
    ['sale_price', row.sale_price?.currency],
  ].filter((s): s is [string, string] => s[1] !== undefined);
  const distinct = new Set(stated.map((s) => s[1]));
  if (distinct.size > 1) return { ok: false, reason: `currencies disagree (${stated.map(([f, c]) => `${f} ${c}`).join(', ')})` };
  return { ok: true, value: stated[0]?.[1] };
}

/** Reads feed rows into product observations for one import: validates every field with the collector's bounds. */
export function createFeedProductReader(options: FeedProductOptions): (raw: RawFields) => FeedProductResult {
  const schema = feedRowSchema(options);
  return (raw) => {
    const { values, sources, ignored } = pickFeedFields(raw);
    const rawId = values.item_id;
    const itemId = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId).slice(0, limits.shortText) : undefined;
    if (values.item_id === undefined) {
      return { ok: false, reason: `no item id (a value in ${feedFieldNames.item_id.join(', ')})`, ignored };
    }
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const reason = parsed.error.issues
        .map((issue) => {
          const field = issue.path[0] as FeedField | undefined;
          return `${(field && sources[field]) ?? field ?? 'row'}: ${issue.message}`;
        })
        .join('; ');
      return { ok: false, itemId, reason, ignored };
    }
    const row = parsed.data;
    const currencyOfRow = rowCurrency(row);
    if (!currencyOfRow.ok) return { ok: false, itemId, reason: currencyOfRow.reason, ignored };
    const { money, saleEndsAt } = effectivePrice(row, options.now);
    const product: ProductObservation = {
      itemId: row.item_id,
      name: row.name,
      price: money?.amount,
      currency: currencyOfRow.value,
      image: row.image,
      url: row.url,
      category: row.category,
      brand: row.brand,
      availability: row.availability,
      saleEndsAt,
    };
    // the catalog never stores a bare id (planCatalogWrites has nothing to write), so say so rather than count it
    if (Object.entries(product).every(([k, v]) => k === 'itemId' || k === 'saleEndsAt' || v === undefined)) {
      return { ok: false, itemId, reason: 'nothing but an id: no name, price, availability or other product field', ignored };
    }
    return { ok: true, product, ignored };
  };
}
