import type { CatalogIndex } from './catalog-index.ts';
import type { RatingSource } from './ratings/rating-source.ts';

/** What every page needs: the shop owner's pasted Shoploop snippet and the catalog; product pages, the ratings. */
export interface ShopContext {
  snippet: string;
  catalog: CatalogIndex;
  /** product ratings from Shoploop for the product pages' JSON-LD; without it, pages carry none */
  ratings?: RatingSource;
}
