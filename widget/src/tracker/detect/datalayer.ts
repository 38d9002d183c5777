import { guard } from '../guard.ts';

declare global {
  interface Window {
    dataLayer?: unknown[];
  }
}

type Track = (name: string, params: unknown) => void;

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
