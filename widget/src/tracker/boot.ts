import type { Shoploop } from '../../shoploop';
import { showBlocks } from './blocks.ts';
import { readConfig } from './config.ts';
import { bridgeDataLayer } from './detect/datalayer.ts';
import { findProduct } from './detect/product.ts';
import { watchPages } from './detect/spa.ts';
import { guard } from './guard.ts';
import { createTracker } from './tracker.ts';
import { version } from './version.ts';

/**
 * Starts the tracker for a script tag: replays the queue stub, replaces `window.shoploop` with the real
 * function, sends what earlier pages left in the outbox, then tracks pages, products and the dataLayer, and shows
 * the page's recommendation blocks.
 */
export const boot = (script: HTMLScriptElement): void => {
  const config = readConfig(script);
  if (!config || window.shoploop?.v) {
    if (import.meta.env.DEV) console.warn('[shoploop] no data-site on the script tag, or loaded twice');
    return;
  }
  const tracker = createTracker(config); // sends what earlier pages left in the outbox
  let retrack: ((force: boolean) => void) | undefined;

  const call = (command: string, arg?: unknown, params?: unknown) => {
    if (command == 'track') tracker.track(arg as string, params);
    if (command == 'identify') tracker.track(command, { customer_id: arg });
    // a visitor who opts in is on a page view: report it
    if (command == 'consent' && tracker.consent(arg == 'granted')) retrack?.(true);
  };
  const shoploop = guard(call) as Shoploop;
  shoploop.v = version;
  // replayed before pages are tracked, so a consent('denied') pasted above the tag holds from the start
  for (const args of window.shoploop?.q ?? []) shoploop.apply(0, args as never);
  window.shoploop = shoploop;

  // flush and drain never throw (the sender swallows storage and network failures)
  addEventListener('pagehide', tracker.flush);
  addEventListener('visibilitychange', () => document.hidden && tracker.flush());
  addEventListener('online', tracker.drain);

  const onDomReady = guard(() => {
    retrack = watchPages(() => {
      tracker.track('page_view', { page_title: document.title });
      // the item carries price and currency; `value` would only repeat them
      const item = findProduct();
      if (item) tracker.track('view_item', { items: [item] });
      showBlocks(config, tracker);
    });
    bridgeDataLayer(tracker.track);
  });
  if (document.readyState == 'loading') addEventListener('DOMContentLoaded', onDomReady);
  else onDomReady();
};
