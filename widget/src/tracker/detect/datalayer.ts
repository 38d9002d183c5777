import { guard } from '../guard.ts';
import type { SchemaNode } from './product.ts';

declare global {
  interface Window {
    dataLayer?: unknown[];
  }
}

type Track = (name: string, params: unknown) => void;

/** The dataLayer entries earlier page views have read. */
const seen = new WeakSet<object>();

/**
 * The product of the last view_item the dataLayer gained since the previous page view, as an item with the event's
 * currency: GA4's (`{ event: 'view_item', ecommerce: { currency, items } }`, or gtag's arguments) or Universal
 * Analytics' product detail (`{ ecommerce: { currencyCode, detail: { products: [{ id, name, price, brand,
 * category }] } } }`, with or without an event). In a single-page app the entries of earlier pages are not read
 * again; view_items pushed later are mirrored as they come (bridgeDataLayer).
 */
export const layerProduct = (): SchemaNode | undefined => {
  let item: SchemaNode | undefined;
  for (const entry of (window.dataLayer ?? []) as any[]) {
    if (!(entry instanceof Object) || seen.has(entry)) continue;
    seen.add(entry);
    const [name, params] = entry[0] == 'event' ? [entry[1], entry[2]] : [entry.event, entry.ecommerce];
    const product = name == 'view_item' ? params?.items?.[0] : params?.detail?.products?.[0];
    if (product)
      item = {
        item_id: product.item_id ?? product.id,
        item_name: product.item_name ?? product.name,
        price: product.price,
        currency: product.currency ?? params.currency ?? params.currencyCode,
        item_brand: product.item_brand ?? product.brand,
        item_category: product.item_category ?? product.category,
      };
  }
  return item;
};

/**
 * Mirrors one dataLayer entry through `track`: GTM style `{ event: 'add_to_cart', ecommerce: {...} }` (search_term
 * sits beside `ecommerce`) or gtag style, an `arguments` object `['event', 'add_to_cart', {...}]`. A null entry
 * throws, and is skipped by the guard around this.
 */
const mirror = (track: Track) => (e: any) => {
  const [name, params] = e[0] == 'event' ? [e[1], e[2]] : [e.event, { ...e, ...e.ecommerce }];
  // our own page_view tracking covers SPA navigations; a second one from the dataLayer would double count.
  // `track` drops names the collector does not know (gtm.js, config, ...).
  if (name != 'page_view') track(name, params);
};

/** Mirrors GA4 e-commerce events from `window.dataLayer`: what is already there, then every later push. */
export const bridgeDataLayer = (track: Track): void => {
  const dataLayer = (window.dataLayer ||= []);
  const handle = guard(mirror(track));
  dataLayer.forEach(handle);
  const push = dataLayer.push;
  dataLayer.push = function (...entries) {
    const length = push.apply(this, entries);
    entries.forEach(handle);
    return length;
  };
};
