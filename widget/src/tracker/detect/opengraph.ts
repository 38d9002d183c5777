import type { SchemaNode } from './product.ts';
import { readProperties } from './properties.ts';

/**
 * Open Graph product tags (`og:type` product), named by the last part of each property: `og:title` → title,
 * `product:price:amount` (or Shopify's `og:price:amount`) → amount, `product:retailer_item_id` →
 * retailer_item_id. `productToItem` knows these names.
 */
export const openGraphProduct = (): SchemaNode | undefined => {
  const tags = readProperties(document, 'property');
  if (/product/.test(tags.type)) return tags;
};
