import type { CatalogItem } from '../catalog.ts';
import { categorise } from '../categories.ts';
import { SHOP_CURRENCY, SHOP_NAME } from '../shop-identity.ts';
import { mostFrequent, type ProductSales } from './read-sales.ts';
import { tidyName } from './tidy-name.ts';

export interface CatalogOptions {
  /** How many best sellers to keep. */
  size: number;
  /** How many of them to mark out of stock: those whose last sale is the oldest, as a shop stops selling what it has run out of. */
  outOfStock: number;
}

export function catalogFromSales(sales: Iterable<ProductSales>, { size, outOfStock }: CatalogOptions): CatalogItem[] {
  const bestSellers = [...sales]
    .sort((a, b) => b.orders - a.orders || b.units - a.units || a.stockCode.localeCompare(b.stockCode))
    .slice(0, size);

  const soldOut = new Set(
    [...bestSellers]
      .sort((a, b) => a.lastSold.localeCompare(b.lastSold) || a.stockCode.localeCompare(b.stockCode))
      .slice(0, outOfStock)
      .map((p) => p.stockCode),
  );

  return bestSellers.map((product, index): CatalogItem => {
    const description = mostFrequent(product.descriptions) ?? product.stockCode;
    const price = mostFrequent(product.prices) ?? 0;
    return {
      item_id: product.stockCode,
      item_name: tidyName(description),
      price: Math.round(price * 100) / 100,
      currency: SHOP_CURRENCY,
      item_category: categorise(description).name,
      item_brand: SHOP_NAME,
      availability: soldOut.has(product.stockCode) ? 'out_of_stock' : 'in_stock',
      image: `/images/${product.stockCode}.svg`,
      url: `/product/${product.stockCode}`,
      popularity: index + 1,
    };
  });
}
