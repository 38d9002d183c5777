import { readConfig } from './config.ts';
import { bridgeDataLayer } from './detect/datalayer.ts';
import { findProduct } from './detect/product.ts';
import { watchPages } from './detect/spa.ts';
import { guard } from './guard.ts';
import { createTracker } from './tracker.ts';
import { version } from './version.ts';

/**
 * Starts the tracker for a script tag: replays the queue stub, replaces `window.shoploop` with the real
 * function, sends what earlier pages left in the outbox, then tracks pages, products and the dataLayer.
 */
export const boot = (script: HTMLScriptElement | null): void => {
  const config = readConfig(script);
  if (!config || window.shoploop?.v) {
    if (import.meta.env.DEV) console.warn('[shoploop] no data-site on the script tag, or loaded twice');
    return;
  }
  const tracker = createTracker(config);
  let retrack: ((force: boolean) => void) | undefined;

  const call = (command: unknown, arg?: unknown, params?: unknown) => {
    if (command == 'track') tracker.track(arg as string, params);
    if (command == 'identify') tracker.track('identify', { customer_id: arg });
    // a visitor who opts in is on a page view: report it
    if (command == 'consent' && tracker.consent(arg == 'granted')) retrack?.(true);
  };
  const shoploop = Object.assign(guard(call), { v: version });
  const queued = window.shoploop?.q ?? [];
  window.shoploop = shoploop;
  // replayed first, so a consent('denied') pasted before the tag holds before anything is sent
  for (const args of queued) shoploop(...(Array.from(args) as [unknown, unknown?, unknown?]));

  tracker.start();
  const flushWhenHidden = guard(() => document.visibilityState == 'hidden' && tracker.flush());
  addEventListener('pagehide', guard(tracker.flush));
  addEventListener('visibilitychange', flushWhenHidden);
  addEventListener('online', guard(tracker.drain));

  const onDomReady = guard(() => {
    retrack = watchPages((referrer) => {
      tracker.page(referrer);
      const item = findProduct();
      if (item) tracker.track('view_item', { items: [item], value: item.price, currency: item.currency });
    });
    bridgeDataLayer(tracker.track);
  });
  if (document.readyState == 'loading') addEventListener('DOMContentLoaded', onDomReady);
  else onDomReady();
};
