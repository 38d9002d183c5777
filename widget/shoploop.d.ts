// Public surface of the Shoploop tracking script (`<script async src=".../shoploop.js" data-site="...">`).

/** Storefront events, named after GA4 e-commerce. */
export type ShoploopEventName =
  | 'page_view'
  | 'view_item'
  | 'view_item_list'
  | 'select_item'
  | 'search'
  | 'add_to_cart'
  | 'remove_from_cart'
  | 'view_cart'
  | 'begin_checkout'
  | 'purchase';

export type ShoploopAvailability = 'in_stock' | 'out_of_stock' | 'preorder' | 'backorder' | 'discontinued';

/** One product, GA4's item plus what the catalog learns. Only `item_id` is required. */
export interface ShoploopItem {
  item_id: string;
  item_name?: string;
  price?: number;
  /** ISO 4217, e.g. "EUR" */
  currency?: string;
  quantity?: number;
  item_category?: string;
  item_brand?: string;
  /** absolute image URL */
  image?: string;
  /** absolute product page URL */
  url?: string;
  availability?: ShoploopAvailability;
}

export interface ShoploopParams {
  items?: ShoploopItem[];
  value?: number;
  currency?: string;
  /** required for `purchase` */
  transaction_id?: string;
  search_term?: string;
  item_list_id?: string;
  item_list_name?: string;
  page_title?: string;
}

export interface Shoploop {
  /** Records a storefront event. Unknown params are dropped; strings are cut to the collector's limits. */
  (command: 'track', name: ShoploopEventName, params?: ShoploopParams): void;
  /** Links this visitor to the shop's customer id (sends an `identify` event). */
  (command: 'identify', customerId: string): void;
  /** `denied` stops collection and forgets the visitor; remembered across pages until `granted`. */
  (command: 'consent', state: 'granted' | 'denied'): void;
  /**
   * Web push. `prompt` opens the soft prompt from the shop's own button (the browser's permission is still asked
   * only when the visitor clicks yes in it); `unsubscribe` ends the visitor's subscription in the browser and on
   * the server at once.
   */
  (command: 'push', action: 'prompt' | 'unsubscribe'): void;
  /** calls made through the queue stub before the script loaded */
  q?: ArrayLike<unknown>[];
  /** the script's version, set once it has loaded */
  v?: string;
}

declare global {
  interface Window {
    shoploop?: Shoploop;
  }
}
