import { raw } from 'hono/html';
import type { CatalogItem } from '../catalog.ts';
import type { ProductRating } from '../ratings/rating-json-ld.ts';
import { describeProduct } from './product-description.ts';

/**
 * schema.org Product markup, as shop platforms put in product pages for search engines; with the product's
 * rating from Shoploop (`aggregateRating` and `review`) when it has published reviews. One Product per page:
 * the rating goes into the shop's own markup rather than a second Product block beside it.
 */
export function productJsonLd(item: CatalogItem, origin: string, rating: ProductRating | null = null) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    sku: item.item_id,
    name: item.item_name,
    image: new URL(item.image, origin).href,
    description: describeProduct(item),
    category: item.item_category,
    brand: { '@type': 'Brand', name: item.item_brand },
    offers: {
      '@type': 'Offer',
      price: item.price,
      priceCurrency: item.currency,
      availability: item.availability === 'in_stock' ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      itemCondition: 'https://schema.org/NewCondition',
      url: new URL(item.url, origin).href,
    },
    ...(rating ? { aggregateRating: rating.aggregateRating, ...(rating.review.length > 0 ? { review: rating.review } : {}) } : {}),
  };
}

/**
 * A JSON-LD <script> block. "<" is written as \u003c so a name or a review containing "</script>" or "<!--"
 * cannot end the block or open a comment.
 */
export function jsonLdScript(data: unknown) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return raw(`<script type="application/ld+json">${json}</script>`);
}
