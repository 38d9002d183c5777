import type { CollectEvent } from '../collect/schema.ts';
import { pushEvents, recommendationEvents } from '../collect/vocabulary.ts';
import type { ProductObservation } from './observation.ts';

/** the widget's own reports name products it was served; they teach the catalog nothing */
const NOT_FROM_PAGE = new Set<string>([...recommendationEvents, ...pushEvents]);

/** What storefront events say about products: every item carries what the page knew of it. */
export function observationsFromEvents(events: Iterable<CollectEvent>): ProductObservation[] {
  const out: ProductObservation[] = [];
  for (const e of events) {
    if (NOT_FROM_PAGE.has(e.name)) continue;
    for (const item of e.params.items ?? []) {
      out.push({
        itemId: item.item_id,
        name: item.item_name,
        price: item.price,
        currency: item.currency ?? e.params.currency,
        image: item.image,
        url: item.url,
        category: item.item_category,
        brand: item.item_brand,
        availability: item.availability,
      });
    }
  }
  return out;
}
