import type { SchemaNode } from './product.ts';

/** Matches on the end of the property: `price:amount` finds `product:price:amount` and Shopify's `og:price:amount`. */
const meta = (property: string) =>
  document.querySelector(`meta[property$="${property}"]`)?.getAttribute('content') ?? undefined;

/** Open Graph product tags (`og:type` product), read into schema.org's JSON-LD shape. */
export const openGraphProduct = (): SchemaNode | undefined => {
  if (!/product/.test(meta('og:type') ?? '')) return;
  return {
    sku: meta(':retailer_item_id'),
    name: meta('og:title'),
    image: meta('og:image'),
    url: meta('og:url'),
    brand: meta(':brand'),
    offers: { price: meta('price:amount'), priceCurrency: meta('price:currency'), availability: meta(':availability') },
  };
};
