import { z } from 'zod';
import { availabilities } from '../db/schema/catalog.ts';
import { eventNames, limits } from './vocabulary.ts';

const text = (max: number) => z.string().max(max);
const id = z.string().min(1).max(limits.idLength).regex(/^[\w.:-]+$/, 'letters, digits, _ . : - only');
const url = text(limits.urlLength);
const money = z.number().finite().min(0).max(limits.maxPrice);
const currency = z.string().regex(/^[A-Za-z]{3}$/, 'a 3-letter ISO 4217 code').transform((c) => c.toUpperCase());

/** One product in an event, GA4's item plus what the catalog learns (image, url, availability). */
export const itemSchema = z.object({
  item_id: text(limits.shortText).min(1),
  item_name: text(limits.nameText).optional(),
  price: money.optional(),
  currency: currency.optional(),
  quantity: z.number().int().min(0).max(limits.maxQuantity).optional(),
  item_category: text(limits.shortText).optional(),
  item_brand: text(limits.shortText).optional(),
  image: url.optional(),
  url: url.optional(),
  availability: z.enum(availabilities).optional(),
});

export const paramsSchema = z.object({
  items: z.array(itemSchema).max(limits.itemsPerEvent).optional(),
  value: money.optional(),
  currency: currency.optional(),
  transaction_id: text(limits.shortText).optional(),
  search_term: text(limits.nameText).optional(),
  item_list_id: text(limits.shortText).optional(),
  item_list_name: text(limits.shortText).optional(),
  customer_id: text(limits.shortText).optional(),
  page_title: text(limits.nameText).optional(),
});

export const eventSchema = z
  .object({
    id,
    name: z.enum(eventNames),
    /** client time, ms since epoch */
    ts: z.number().int().min(0).max(8.64e15),
    sid: id,
    url: url.optional(),
    ref: url.optional(),
    params: paramsSchema.default({}),
  })
  .superRefine((e, ctx) => {
    if (e.name === 'purchase' && !e.params.transaction_id) {
      ctx.addIssue({ code: 'custom', path: ['params', 'transaction_id'], message: 'purchase needs transaction_id' });
    }
    if (e.name === 'identify' && !e.params.customer_id) {
      ctx.addIssue({ code: 'custom', path: ['params', 'customer_id'], message: 'identify needs customer_id' });
    }
  });

/** The body of `POST /v1/collect`. */
export const batchSchema = z.object({
  site: text(limits.idLength).min(1),
  vid: id,
  tz: text(64).optional(),
  v: text(32).optional(),
  events: z.array(eventSchema).min(1).max(limits.eventsPerBatch),
});

export type CollectItem = z.infer<typeof itemSchema>;
export type CollectParams = z.infer<typeof paramsSchema>;
export type CollectEvent = z.infer<typeof eventSchema>;
export type CollectBatch = z.infer<typeof batchSchema>;
