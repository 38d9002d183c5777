// The collector's vocabulary, mirrored from server/src/collect/vocabulary.ts so the script does not bundle
// server code; vocabulary.test.ts fails when the two drift apart.

/** GA4 e-commerce names the collector accepts (besides `identify`). */
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

/**
 * Every name: the commerce events, `identify`, and what the recommendation blocks report (a block half in view, a
 * click on one of its items). At most one spread: with two, the minifier keeps this unused list in the script.
 */
export const eventNames = [...commerceEvents, 'identify', 'rec_impression', 'rec_click', 'push_click'] as const;
/** Whether the collector knows this event name (a regular expression is smaller than the list). */
export const isEventName = (name: unknown): name is EventName =>
  /^(page_view|view_item(_list)?|select_item|search|(add_to|remove_from|view)_cart|begin_checkout|purchase|identify|rec_(impression|click)|push_click)$/.test(
    name as string,
  );
export type EventName = (typeof eventNames)[number];

export const availabilities = ['in_stock', 'out_of_stock', 'preorder', 'backorder', 'discontinued'] as const;
export type Availability = (typeof availabilities)[number];

// The collector's size limits (single constants, so the bundler inlines them: vite.config.ts, inlineConst).
export const bodyBytes = 64 * 1024;
export const eventsPerBatch = 100;
export const itemsPerEvent = 50;
export const idLength = 64;
export const shortText = 128;
export const nameText = 300;
export const urlLength = 2048;
export const maxPrice = 1e9;
export const maxQuantity = 1e6;
export const scenarioLength = 32;
