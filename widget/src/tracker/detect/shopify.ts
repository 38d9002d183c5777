import type { SchemaNode } from './product.ts';

declare global {
  interface Window {
    ShopifyAnalytics?: { meta?: { currency?: string; product?: any } };
  }
}

/**
 * The product of a Shopify product page as Shopify's own analytics snippet has it (`ShopifyAnalytics.meta`, on every
 * Shopify storefront whatever its theme): the product id, its first variant's name, sku and price (in cents), the
 * vendor and the product type. Shopify storefronts load a page per URL, so this is always the page's own product.
 */
export const shopifyProduct = (): SchemaNode | undefined => {
  const meta = window.ShopifyAnalytics?.meta;
  const product = meta?.product;
  const variant = product?.variants?.[0];
  if (variant)
    return {
      item_id: product.id,
      item_name: variant.name,
      price: variant.price / 100,
      currency: meta!.currency,
      item_brand: product.vendor,
      item_category: product.type,
    };
};
