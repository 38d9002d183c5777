import type { CollectItem } from '../collect/schema.ts';
import type { Order } from './uci/cancellations.ts';

/** A shop's own description of its products, by item id (the UCI stock code), as its pages would report them. */
export type ShopProducts = ReadonlyMap<string, CollectItem>;

/**
 * The orders as they would have happened in a shop that sells only `products`: lines of other products are
 * left out (an order with none left is dropped), and the rest take the shop's price and carry its description,
 * so the replayed events teach the catalog what the shop's pages say rather than the file's raw names.
 */
export function onlyShopProducts(orders: readonly Order[], products: ShopProducts): Order[] {
  const kept: Order[] = [];
  for (const order of orders) {
    const lines = order.lines.flatMap((line) => {
      const item = products.get(line.stockCode);
      return item ? [{ ...line, unitPrice: item.price ?? line.unitPrice, item }] : [];
    });
    if (lines.length > 0) kept.push({ ...order, lines });
  }
  return kept;
}
