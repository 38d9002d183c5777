import { z } from 'zod';
import type { CatalogItem } from './catalog.ts';
import { SORT_ORDERS, sortItems, type CatalogIndex, type SortOrder } from './catalog-index.ts';

/** Products per "load more" step on category pages. */
export const PAGE_SIZE = 24;
/** "Load more" can be pressed this often; page=N in a category URL shows N pages. */
export const MAX_PAGES = 50;

export const listingQuerySchema = z.object({
  category: z.string().max(80).optional(),
  q: z.string().max(100).optional(),
  sort: z.enum(SORT_ORDERS).default('popular'),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGES * PAGE_SIZE).default(PAGE_SIZE),
});

export type ListingQuery = z.infer<typeof listingQuerySchema>;

export interface Listing {
  items: CatalogItem[];
  total: number;
}

/** One slice of a category or of search results, sorted. Undefined when the category does not exist. */
export function listProducts(catalog: CatalogIndex, query: ListingQuery): Listing | undefined {
  let matches = catalog.items;
  if (query.category !== undefined) {
    const category = catalog.category(query.category);
    if (!category) return undefined;
    matches = category.items;
  }
  if (query.q !== undefined) {
    const found = new Set(catalog.search(query.q));
    matches = matches.filter((item) => found.has(item));
  }
  const sorted = sortItems(matches, query.sort);
  return { items: sorted.slice(query.offset, query.offset + query.limit), total: sorted.length };
}

/** Category pages forgive odd URLs (a shared link with ?sort=newest still shows the category). */
export function parseSort(value: string | undefined): SortOrder {
  return SORT_ORDERS.find((order) => order === value) ?? 'popular';
}

export function parsePageNumber(value: string | undefined): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= MAX_PAGES ? page : 1;
}
