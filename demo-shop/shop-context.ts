import type { CatalogIndex } from './catalog-index.ts';

/** What every page needs: the shop owner's pasted Shoploop snippet and the catalog. */
export interface ShopContext {
  snippet: string;
  catalog: CatalogIndex;
}
