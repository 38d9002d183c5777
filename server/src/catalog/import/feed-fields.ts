import type { RawFields } from './feed-row.ts';

/**
 * The names a feed may give each product field, in the order they are tried: GA4 item names first (what the
 * storefront's events carry), then Google Merchant's, then plain ones. The first non-empty one wins.
 */
export const feedFieldNames = {
  item_id: ['item_id', 'id', 'sku'],
  name: ['item_name', 'title', 'name'],
  price: ['price'],
  sale_price: ['sale_price'],
  sale_price_effective_date: ['sale_price_effective_date'],
  currency: ['currency'],
  category: ['item_category', 'category', 'product_type', 'google_product_category'],
  brand: ['item_brand', 'brand'],
  image: ['image', 'image_link', 'image_url'],
  url: ['url', 'link'],
  availability: ['availability'],
} as const satisfies Record<string, readonly string[]>;

export type FeedField = keyof typeof feedFieldNames;

const knownNames = new Set<string>(Object.values(feedFieldNames).flat());

const normalized = new Map<string, string>();

/** `Image Link`, `image-link`, `g:image_link` and `IMAGE_LINK` all name the same column. */
export function normalizeFieldName(name: string): string {
  let key = normalized.get(name);
  if (key === undefined) {
    key = name.trim().toLowerCase().replace(/^[a-z][\w-]*:/, '').replace(/[\s-]+/g, '_');
    // every row of a feed repeats the same few names; a feed of ever-new names just stops being cached
    if (normalized.size < 1000) normalized.set(name, key);
  }
  return key;
}

export interface PickedFields {
  values: Partial<Record<FeedField, unknown>>;
  /** the name each value had in the feed, so a rejection points at the column the shop knows */
  sources: Partial<Record<FeedField, string>>;
  /** names in the row that map to no field (normalized) */
  ignored: string[];
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Maps a raw record onto the product fields; blank values count as absent (they never erase). */
export function pickFeedFields(raw: RawFields): PickedFields {
  const byName = new Map<string, { name: string; value: unknown }>();
  const ignored = new Set<string>();
  for (const [name, value] of Object.entries(raw)) {
    const key = normalizeFieldName(name);
    if (!knownNames.has(key)) ignored.add(key);
    else if (!isBlank(value) && !byName.has(key)) byName.set(key, { name, value: typeof value === 'string' ? value.trim() : value });
  }
  const picked: PickedFields = { values: {}, sources: {}, ignored: [...ignored] };
  for (const [field, names] of Object.entries(feedFieldNames) as Array<[FeedField, readonly string[]]>) {
    const hit = names.map((n) => byName.get(n)).find((h) => h !== undefined);
    if (hit) {
      picked.values[field] = hit.value;
      picked.sources[field] = hit.name;
    }
  }
  return picked;
}
