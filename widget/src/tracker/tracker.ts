import type { ShoploopItem } from '../../shoploop';
import type { Config } from './config.ts';
import { isAllowed, rememberConsent } from './consent.ts';
import { newId } from './ids.ts';
import { forgetIdentity, sessionId, visitorId } from './identity.ts';
import { openOutbox } from './outbox.ts';
import { cleanParams } from './params.ts';
import { createSender, type Sender } from './sender.ts';
import { pageUrl } from './detect/spa.ts';
import { version } from './version.ts';
import { isEventName, urlLength } from './vocabulary.ts';

export type Tracker = ReturnType<typeof createTracker>;

/**
 * Turns calls into events: checks consent, cleans params, stamps ids, and hands them to the sender.
 * Starts by sending what the outbox still holds from earlier pages.
 */
export const createTracker = ({ site, api, gpc }: Config) => {
  const allowed = () => isAllowed(gpc);
  const sender = createSender(
    api + '/v1/collect',
    () => ({ site, vid: visitorId(), tz: Intl.DateTimeFormat().resolvedOptions().timeZone, v: version }),
    openOutbox(site),
    allowed,
  );
  /** the page of the last event (URL without #fragment), its referrer, and the items viewed there */
  let page: string | undefined;
  let ref = document.referrer;
  let viewed = new Set<unknown>();

  const track = (name: string, input?: unknown): void => {
    if (!allowed() || !isEventName(name)) {
      if (import.meta.env.DEV) console.warn('[shoploop] not sent (consent denied or unknown event):', name);
      return;
    }
    const params = cleanParams(input);
    // incomplete events the collector would reject, and with them their whole batch
    if (
      (name == 'purchase' && !params.transaction_id) ||
      (name == 'identify' && !params.customer_id) ||
      (/^rec/.test(name) && !(params.rec_id && params.scenario && params.items?.[0]))
    ) {
      return;
    }
    // A new URL is a new page: its referrer is the previous one (in an SPA). Kept per URL rather than per
    // page_view, because an SPA's own dataLayer view_item may come before our page_view, which waits for the
    // new page to render.
    const url = pageUrl();
    if (url != page) {
      ref = page ?? ref;
      page = url;
      viewed = new Set();
    }
    // structured data and a dataLayer often report the same product: the same id or name counts as seen (an
    // unseen item is remembered as it is counted)
    const unseen = (item: ShoploopItem) =>
      !viewed.has(item.item_id) && !viewed.has(item.item_name) && viewed.add(item.item_id).add(item.item_name ?? item.item_id);
    if (name == 'view_item' && !params.items?.filter(unseen)[0]) return;
    const ts = Date.now();
    sender.add({
      id: newId(),
      name,
      ts,
      sid: sessionId(ts),
      url: location.href.slice(0, urlLength),
      ref: ref.slice(0, urlLength) || undefined,
      params,
    });
  };

  // forget the visitor if consent is denied (e.g. by GPC); else send what earlier pages left behind
  if (allowed()) void sender.drain();
  else forget();

  return {
    // flush and drain, for boot's pagehide, visibilitychange and online listeners (add and clear stay inside)
    ...(sender as Pick<Sender, 'flush' | 'drain'>),
    track,
    /** the visitor id for the recommendation blocks; false while collection is denied */
    visitor: () => allowed() && visitorId(),
    /** records the visitor's choice; true when collection resumes after having been denied */
    consent(granted: boolean): boolean {
      const wasDenied = !allowed();
      rememberConsent(granted);
      if (!allowed()) forget();
      return wasDenied && allowed();
    },
  };

  function forget() {
    forgetIdentity();
    sender.clear();
  }
};
