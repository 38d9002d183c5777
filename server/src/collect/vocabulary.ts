/**
 * The event names the collector accepts. Storefront events follow GA4 e-commerce; `identify` links a visitor
 * to a customer id; `rec_impression` and `rec_click` come from Shoploop's recommendation blocks. Anything
 * else is rejected, so a typo in a shop's code shows up as a 400, not as silent data.
 */
export const commerceEvents = [
  'page_view',
  'view_item',
  'view_item_list',
  'select_item',
  'search',
  'add_to_cart',
  'remove_from_cart',
  'view_cart',
  'begin_checkout',
  'purchase',
] as const;

/** What the recommendation blocks report: a block half in view, and a click on one of its items. */
export const recommendationEvents = ['rec_impression', 'rec_click'] as const;

/** What the tracker reports when a visitor arrives from a push message's link (its `sl_push` parameter). */
export const pushEvents = ['push_click'] as const;

export const eventNames = [...commerceEvents, 'identify', ...recommendationEvents, ...pushEvents] as const;
export type EventName = (typeof eventNames)[number];

/**
 * Events the server itself writes into a person's history, never accepted from a page (a page could forge
 * them; a site key is public): GA4's `refund`, from a shop's signed order webhooks (integrations/), with
 * `transaction_id`, and `value` and `items` for money given back, without both for a cancelled order;
 * `review_submitted`, stored with the review it reports (reviews/collect/submit-review.ts).
 */
export const serverEvents = ['refund', 'review_submitted'] as const;
export type StoredEventName = EventName | (typeof serverEvents)[number];

/** Size caps enforced at the edge (documented in the README's event API). */
export const limits = {
  bodyBytes: 64 * 1024,
  eventsPerBatch: 100,
  itemsPerEvent: 50,
  idLength: 64,
  shortText: 128,
  nameText: 300,
  urlLength: 2048,
  maxPrice: 1e9,
  maxQuantity: 1e6,
  /** a recommendation scenario's name in rec_impression / rec_click */
  scenarioLength: 32,
} as const;
