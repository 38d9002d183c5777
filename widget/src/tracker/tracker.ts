import type { Config } from './config.ts';
import { isDenied, rememberConsent } from './consent.ts';
import type { TrackedEvent } from './event.ts';
import { newId } from './ids.ts';
import { forgetIdentity, sessionId, visitorId } from './identity.ts';
import { openOutbox } from './outbox.ts';
import { cleanParams } from './params.ts';
import { createSender } from './sender.ts';
import { pageUrl } from './detect/spa.ts';
import { version } from './version.ts';
import { isEventName, urlLength } from './vocabulary.ts';

export type Tracker = ReturnType<typeof createTracker>;

/**
 * Turns calls into events: checks consent, cleans params, stamps ids, and hands them to the sender.
 * Starts by sending what the outbox still holds from earlier pages.
 */
export const createTracker = ({ site, api, gpc }: Config) => {
  const allowed = () => !isDenied(gpc);
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const sender = createSender(
    api + '/v1/collect',
    () => ({ site, vid: visitorId(), tz, v: version }),
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
    if ((name == 'purchase' && !params.transaction_id) || (name == 'identify' && !params.customer_id)) return;
    // A new URL is a new page: its referrer is the previous one (in an SPA). Kept per URL rather than per
    // page_view, because an SPA's own dataLayer view_item may come before our page_view, which waits for the
    // new page to render.
    const url = pageUrl();
    if (url != page) {
      ref = page ?? ref;
      page = url;
      viewed = new Set();
    }
    // structured data and a dataLayer often report the same product: the same id or name counts as seen
    if (name == 'view_item') {
      const { items } = params;
      if (!items?.some((item) => !viewed.has(item.item_id) && !viewed.has(item.item_name))) return;
      items.forEach((item) => viewed.add(item.item_id).add(item.item_name ?? item.item_id));
    }
    const ts = Date.now();
    const event: TrackedEvent = {
      id: newId(),
      name,
      ts,
      sid: sessionId(ts),
      url: location.href.slice(0, urlLength),
      ref: ref.slice(0, urlLength) || undefined,
      params,
    };
    sender.add(event);
  };

  // forget the visitor if consent is denied (e.g. by GPC); else send what earlier pages left behind
  if (allowed()) void sender.drain();
  else forget();

  return {
    track,
    /** records the visitor's choice; true when collection resumes after having been denied */
    consent(granted: boolean): boolean {
      const wasDenied = !allowed();
      rememberConsent(granted);
      if (!allowed()) forget();
      return wasDenied && allowed();
    },
    flush: sender.flush,
    drain: sender.drain,
  };

  function forget() {
    forgetIdentity();
    sender.clear();
  }
};
