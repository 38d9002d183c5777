import { z } from 'zod';
import { availabilities } from '../db/schema/catalog.ts';
import { eventNames, limits, type StoredEventName } from './vocabulary.ts';

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
  /** rec_impression / rec_click: which answer of /v1/recommendations, and what it served */
  rec_id: text(limits.idLength).optional(),
  scenario: text(limits.scenarioLength).optional(),
  /** push_click: the message whose link brought the visitor */
  message_id: text(limits.idLength).optional(),
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
    const missing = missingParams(e.name, e.params);
    if (missing) ctx.addIssue({ code: 'custom', path: missing.path, message: missing.message });
  });

/**
 * The params an event cannot do without, beyond each field's own rule: a purchase its transaction id, an
 * identify its customer id, a recommendation report its rec_id, scenario and items. The schema above and the
 * collector's hand check (parse-batch.ts) both ask this one function.
 */
export function missingParams(
  name: string,
  p: {
    transaction_id?: string | undefined;
    customer_id?: string | undefined;
    rec_id?: string | undefined;
    scenario?: string | undefined;
    items?: unknown[] | undefined;
    message_id?: string | undefined;
  },
): { path: string[]; message: string } | undefined {
  if (name === 'purchase' && !p.transaction_id) return { path: ['params', 'transaction_id'], message: 'purchase needs transaction_id' };
  if ((name === 'rec_impression' || name === 'rec_click') && !(p.rec_id && p.scenario && p.items?.length)) {
    return { path: ['params'], message: `${name} needs rec_id, scenario and items` };
  }
  if (name === 'identify' && !p.customer_id) return { path: ['params', 'customer_id'], message: 'identify needs customer_id' };
  if (name === 'push_click' && !p.message_id) return { path: ['params', 'message_id'], message: 'push_click needs message_id' };
  return undefined;
}

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
/** An event as the writer stores it: the collector's, or one only the server writes (vocabulary.ts serverEvents). */
export type CollectEvent = Omit<z.infer<typeof eventSchema>, 'name'> & { name: StoredEventName };
export type CollectBatch = Omit<z.infer<typeof batchSchema>, 'events'> & { events: CollectEvent[] };
