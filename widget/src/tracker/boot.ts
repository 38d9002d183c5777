import type { Shoploop } from '../../shoploop';
import { showBlocks } from './blocks.ts';
import { readConfig } from './config.ts';
import { bridgeDataLayer } from './detect/datalayer.ts';
import { watchPages } from './detect/spa.ts';
import { guard } from './guard.ts';
import { showPush } from './push.ts';
import { withProduct } from './product.ts';
import { identityKey, load, reviewsKey, save } from './storage.ts';
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
  // this visitor's page views so far, counting earlier pages as one: push is never offered on the first
  let views = load(identityKey) ? 1 : 0;
  const tracker = createTracker(config); // sends what earlier pages left in the outbox
  let retrack: ((force: boolean) => void) | undefined;
  const push = (moment: unknown) => showPush(config, tracker, moment);
  /** a moment of intent for the push prompt: never on the first page view, nor while collection is denied */
  const moment = (name: string) => views > 1 && tracker.visitor() && push(name);
  const track = (name: string, params?: unknown) => {
    tracker.track(name, params);
    if (name == 'add_to_cart') moment(name);
    // a buyer: the UI asks for review requests on the next page views (../ui/reviews/ask.ts)
    if (name == 'purchase' && tracker.visitor()) save(reviewsKey, '-' + Date.now());
  };

  const call = (command: string, arg?: unknown, params?: unknown) => {
    if (command == 'track') track(arg as string, params);
    if (command == 'push') push(arg);
    if (command == 'identify') tracker.track(command, { customer_id: arg });
    // a visitor who opts in is on a page view: report it
    if (command == 'consent' && tracker.consent(arg == 'granted')) retrack?.(true);
  };
  const shoploop = guard(call) as Shoploop;
  shoploop.v = version;
  // replayed before pages are tracked, so a consent('denied') pasted above the tag holds from the start
  for (const args of window.shoploop?.q ?? []) shoploop.apply(0, args as never);
  window.shoploop = shoploop;
  // arriving from a push message's link (sw/src/on-notification-click.ts)
  const message = new URLSearchParams(location.search).get('sl_push');
  if (message) tracker.track('push_click', { message_id: message });

  // flush and drain never throw (the sender swallows storage and network failures)
  addEventListener('pagehide', tracker.flush);
  addEventListener('visibilitychange', () => document.hidden && tracker.flush());
  addEventListener('online', tracker.drain);

  const onDomReady = guard(() => {
    retrack = watchPages(() => {
      views++;
      tracker.track('page_view', { page_title: document.title });
      // the product detector is a module of its own (./product.ts), not loaded while collection is denied.
      // The item carries price and currency; `value` would only repeat them.
      if (tracker.visitor())
        withProduct(config, (item) => {
          tracker.track('view_item', { items: [item] });
          if (/out.?of/i.test(item.availability)) moment('sold_out');
        });
      showBlocks(config, tracker);
    });
    bridgeDataLayer(track);
  });
  if (document.readyState == 'loading') addEventListener('DOMContentLoaded', onDomReady);
  else onDomReady();
};
