import type { Availability, Product, ProductField } from '../db/schema/catalog.ts';

/** What one event or feed row says about a product; absent fields say nothing (they never erase). */
export interface ProductObservation {
  itemId: string;
  name?: string | undefined;
  price?: number | undefined;
  currency?: string | undefined;
  image?: string | undefined;
  url?: string | undefined;
  category?: string | undefined;
  brand?: string | undefined;
  availability?: Availability | undefined;
  /** a feed's sale price ends then (ms; null: no sale, or no end); events never say */
  saleEndsAt?: number | null | undefined;
}

export interface FieldChange {
  field: ProductField;
  oldValue: string | null;
  newValue: string;
}

const fields: ProductField[] = ['name', 'price', 'currency', 'image', 'url', 'category', 'brand', 'availability'];

const asText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The fields an observation changes on the current product (all of them for a product not seen before). */
export function diffProduct(current: Pick<Product, ProductField> | undefined, obs: ProductObservation): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const next = obs[field];
    if (next === undefined) continue;
    const prev = current ? current[field] : null;
    if (asText(prev) !== asText(next)) changes.push({ field, oldValue: asText(prev), newValue: String(next) });
  }
  return changes;
}

/** Folds several observations of one item (later ones win) so a batch writes each product once. */
export function mergeObservations(list: Iterable<ProductObservation>): ProductObservation[] {
  const byItem = new Map<string, ProductObservation>();
  for (const obs of list) {
    const prev = byItem.get(obs.itemId);
    if (!prev) {
      byItem.set(obs.itemId, { ...obs });
      continue;
    }
    for (const [k, v] of Object.entries(obs)) if (v !== undefined) (prev as unknown as Record<string, unknown>)[k] = v;
  }
  return [...byItem.values()];
}
