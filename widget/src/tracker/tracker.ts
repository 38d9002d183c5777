import type { Config } from './config.ts';
import { isDenied, rememberConsent } from './consent.ts';
import type { TrackedEvent } from './event.ts';
import { newId } from './ids.ts';
import { forgetIdentity, sessionId, visitorId } from './identity.ts';
import { openOutbox } from './outbox.ts';
import { cleanParams } from './params.ts';
import { createSender } from './sender.ts';
import { version } from './version.ts';
import { eventNames, urlLength, type EventName } from './vocabulary.ts';

export type Tracker = ReturnType<typeof createTracker>;

const timeZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone.slice(0, 64);
  } catch {}
};

/** Turns calls into events: checks consent, cleans params, stamps ids, and hands them to the sender. */
export const createTracker = ({ site, api, gpc }: Config) => {
  const allowed = () => !isDenied(gpc);
  const tz = timeZone();
  const sender = createSender(
    api + '/v1/collect',
    () => ({ site, vid: visitorId(), tz, v: version }),
    openOutbox(site),
    allowed,
  );
  /** the current page view: its referrer, and the items already reported in a view_item */
  let ref = document.referrer;
  let viewed = new Set<unknown>();

  const track = (name: string, input?: unknown): void => {
    if (!allowed() || !eventNames.includes(name as EventName)) {
      if (import.meta.env.DEV) console.warn('[shoploop] not sent (consent denied or unknown event):', name);
      return;
    }
    const params = cleanParams(input);
    if ((name == 'purchase' && !params.transaction_id) || (name == 'identify' && !params.customer_id)) return;
    if (name == 'view_item') {
      // structured data and a dataLayer often report the same product: same id or same name counts as seen
      const items = params.items ?? [];
      if (items.every((item) => viewed.has(item.item_id) || viewed.has(item.item_name))) return;
      items.forEach((item) => viewed.add(item.item_id).add(item.item_name ?? item.item_id));
    }
    const ts = Date.now();
    const event: TrackedEvent = {
      id: newId(),
      name: name as EventName,
      ts,
      sid: sessionId(ts),
      url: location.href.slice(0, urlLength),
      params,
    };
    if (ref) event.ref = ref.slice(0, urlLength);
    sender.add(event);
  };

  return {
    track,
    /** starts a page view: `referrer` is the previous page (document.referrer, or the URL before an SPA navigation) */
    page(referrer: string) {
      ref = referrer;
      viewed = new Set();
      track('page_view', { page_title: document.title });
    },
    /** records the visitor's choice; true when collection resumes after having been denied */
    consent(granted: boolean): boolean {
      const wasDenied = !allowed();
      rememberConsent(granted);
      if (!allowed()) forget();
      return wasDenied && allowed();
    },
    /** forgets the visitor if consent is denied (e.g. by GPC); else sends what earlier pages left behind */
    start() {
      if (allowed()) void sender.drain();
      else forget();
    },
    flush: sender.flush,
    drain: sender.drain,
  };

  function forget() {
    forgetIdentity();
    sender.clear();
  }
};
