import type { CatalogItem } from './catalog.ts';
import { slugify } from './categories.ts';

export interface Category {
  name: string;
  slug: string;
  /** Best sellers first. */
  items: CatalogItem[];
}

export const SORT_ORDERS = ['popular', 'price-asc', 'price-desc', 'name'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export const SORT_LABELS: Record<SortOrder, string> = {
  popular: 'Most popular',
  'price-asc': 'Price: low to high',
  'price-desc': 'Price: high to low',
  name: 'Name: A to Z',
};

/** The questions the pages ask of the catalog, answered from memory: a few hundred products need no database. */
export interface CatalogIndex {
  /** Best sellers first. */
  items: CatalogItem[];
  /** Biggest first. */
  categories: Category[];
  item(id: string): CatalogItem | undefined;
  category(slug: string): Category | undefined;
  categoryOf(item: CatalogItem): Category;
  search(query: string): CatalogItem[];
}

export function sortItems(items: readonly CatalogItem[], order: SortOrder): CatalogItem[] {
  const byPopularity = (a: CatalogItem, b: CatalogItem) => a.popularity - b.popularity;
  const compare: Record<SortOrder, (a: CatalogItem, b: CatalogItem) => number> = {
    popular: byPopularity,
    'price-asc': (a, b) => a.price - b.price || byPopularity(a, b),
    'price-desc': (a, b) => b.price - a.price || byPopularity(a, b),
    name: (a, b) => a.item_name.localeCompare(b.item_name, 'en-GB') || byPopularity(a, b),
  };
  return [...items].sort(compare[order]);
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

export function createCatalogIndex(catalog: readonly CatalogItem[]): CatalogIndex {
  const items = sortItems(catalog, 'popular');
  const byId = new Map(items.map((item) => [item.item_id, item]));

  const bySlug = new Map<string, Category>();
  for (const item of items) {
    const slug = slugify(item.item_category);
    const category = bySlug.get(slug) ?? { name: item.item_category, slug, items: [] };
    category.items.push(item);
    bySlug.set(slug, category);
  }
  // Biggest departments first, as a shop arranges its menu.
  const categories = [...bySlug.values()].sort((a, b) => b.items.length - a.items.length || a.name.localeCompare(b.name));

  const searchable = items.map((item) => ({ item, words: words(`${item.item_name} ${item.item_category}`) }));

  return {
    items,
    categories,
    item: (id) => byId.get(id),
    category: (slug) => bySlug.get(slug),
    categoryOf: (item) => bySlug.get(slugify(item.item_category))!,
    // Every query word must start some word of the name or category: "jumbo bag" finds "Jumbo Bag Owls".
    search(query) {
      const terms = words(query);
      if (terms.length === 0) return [];
      return searchable
        .filter(({ words: itemWords }) => terms.every((term) => itemWords.some((w) => w.startsWith(term))))
        .map(({ item }) => item);
    },
  };
}
