import type { CatalogItem } from '../catalog.ts';

// The source data has names and prices but no copy, so the shop writes a modest line of its own.
export function describeProduct(item: CatalogItem): string {
  const standing = item.popularity <= 20 ? 'One of our best sellers' : 'A customer favourite';
  return `${item.item_name} from the ${item.item_brand} ${item.item_category} range. ${standing}, packed with care and dispatched within two working days.`;
}
