import { z } from 'zod';
import { limits } from '../../collect/vocabulary.ts';

/**
 * The fields of Shopify's REST `Order` (the body of `orders/create`, `orders/paid`, `orders/cancelled`) and
 * `Refund` (`refunds/create`) payloads that Shoploop reads; everything else in them is dropped. Ids are 64-bit
 * integers, read as digits (lossless-json.ts); money is a decimal string in the shop's currency ("254.98").
 */
const shopifyId = z.union([z.string().regex(/^\d{1,20}$/, 'an integer id'), z.number().int().nonnegative()]).transform(String);
const money = z
  .union([z.string().regex(/^\d{1,12}(\.\d{1,6})?$/, 'a decimal amount'), z.number().nonnegative()])
  .transform(Number)
  .pipe(z.number().finite().max(limits.maxPrice));
const currency = z.string().regex(/^[A-Za-z]{3}$/, 'a 3-letter ISO 4217 code').transform((c) => c.toUpperCase());
const time = z.iso.datetime({ offset: true }).transform((s) => Date.parse(s));
const text = z.string().max(2000).nullish();

/** A product line as orders and refunds carry it. */
export const lineItemSchema = z.object({
  product_id: shopifyId.nullish(),
  variant_id: shopifyId.nullish(),
  sku: text,
  title: text,
  /** the product's title with the variant's, "Mug - Blue" */
  name: text,
  quantity: z.number().int().min(0).max(limits.maxQuantity),
  /** the unit price before discounts */
  price: money,
});

export const orderSchema = z.object({
  id: shopifyId,
  /** "#1001", what the shop and its buyer call the order */
  name: z.string().max(200).nullish(),
  created_at: time.nullish(),
  cancelled_at: time.nullish(),
  /** what the buyer paid, discounts, shipping and taxes included */
  total_price: money,
  currency,
  /** Shopify's test orders (the bogus gateway, "Send test notification") */
  test: z.boolean().nullish(),
  line_items: z.array(lineItemSchema).max(5000),
  /** the cart's attributes, copied into the order at checkout: where the theme put Shoploop's visitor id */
  note_attributes: z
    .array(z.object({ name: z.string().max(2000), value: z.union([z.string().max(10_000), z.number(), z.boolean()]).nullish() }))
    .max(1000)
    .nullish(),
  customer: z.object({ id: shopifyId }).nullish(),
});

export const refundSchema = z.object({
  id: shopifyId,
  order_id: shopifyId,
  created_at: time.nullish(),
  refund_line_items: z.array(z.object({ quantity: z.number().int().min(0).max(limits.maxQuantity), line_item: lineItemSchema })).max(5000),
  /** the money moved: only successful `refund` transactions are money back to the buyer */
  transactions: z
    .array(z.object({ kind: z.string().max(50), status: z.string().max(50).nullish(), amount: money, currency: currency.nullish() }))
    .max(1000),
});

export type ShopifyOrder = z.infer<typeof orderSchema>;
export type ShopifyLineItem = z.infer<typeof lineItemSchema>;
export type ShopifyRefund = z.infer<typeof refundSchema>;
