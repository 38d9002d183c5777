import { findProduct } from '../tracker/detect/product.ts';
import { shortText } from '../tracker/vocabulary.ts';

/**
 * The product this page shows, found the way the tracker finds it for view_item (JSON-LD `sku`/`productID`, else
 * microdata, else Open Graph), so a block on a product page needs no `data-item`. Looked up here rather than
 * handed over by the tracker, whose bytes are scarcer.
 */
export const pageProduct = (): { id?: string; currency?: string } => {
  const product = findProduct();
  return {
    // ids are often numbers in JSON-LD; the collector keeps 128 characters of them, so the catalog has those
    id: product?.item_id == null ? undefined : String(product.item_id).slice(0, shortText),
    currency: typeof product?.currency == 'string' ? product.currency : undefined,
  };
};
