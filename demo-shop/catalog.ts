import { readFileSync } from 'node:fs';
import { z } from 'zod';

// One product as the shop sells it, in GA4 item field names so the same object feeds the page, the
// dataLayer pushes and the catalog feed imported into Shoploop.
export const catalogItemSchema = z.object({
  item_id: z.string().min(1).max(64),
  item_name: z.string().min(1).max(200),
  price: z.number().positive().max(100_000),
  currency: z.string().length(3),
  item_category: z.string().min(1).max(80),
  item_brand: z.string().min(1).max(80),
  availability: z.enum(['in_stock', 'out_of_stock']),
  /** Relative to the shop's origin: `/images/<item_id>.svg`. */
  image: z.string().min(1).max(500),
  /** Relative to the shop's origin: `/product/<item_id>`. */
  url: z.string().min(1).max(500),
  /** Rank by orders in the source data, 1 = best seller. */
  popularity: z.number().int().positive(),
});

export type CatalogItem = z.infer<typeof catalogItemSchema>;

export const catalogSchema = z.array(catalogItemSchema).max(10_000);

export const DEFAULT_CATALOG_PATH = new URL('./data/catalog.json', import.meta.url);

export function loadCatalog(path: URL | string = DEFAULT_CATALOG_PATH): CatalogItem[] {
  return catalogSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}
