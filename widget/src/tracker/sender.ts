import type { Envelope, TrackedEvent } from './event.ts';
import type { Outbox } from './outbox.ts';
import { post, toBatches } from './transport.ts';

const batchDelayMs = 1000;
const batchSize = 20;
const maxBackoffMs = 5 * 60 * 1000;

export interface Sender {
  /** stores the event in the outbox and sends it within a second (at once at 20 waiting events) */
  add(event: TrackedEvent): void;
  /** sends what this page has waiting now; safe in pagehide (the request starts synchronously) */
  flush(): void;
  /** sends whatever the outbox holds that this page is not already sending (earlier pages, failed batches) */
  drain(): Promise<void>;
  /** drops everything waiting, stored or not */
  clear(): void;
}

export const createSender = (
  url: string,
  envelope: () => Envelope,
  outbox: Outbox,
  allowed: () => boolean,
): Sender => {
  let waiting: TrackedEvent[] = [];
  /** ids this page holds or has in flight, so a drain does not send them a second time */
  const busy = new Set<string>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  const send = async (events: TrackedEvent[]) => {
    events.forEach((event) => busy.add(event.id));
    for (const batch of toBatches(events)) {
      if (!allowed()) break;
      if (!(await post(url, envelope(), batch))) {
        // 1 s doubling to 5 minutes; the outbox keeps the events for the retry, the `online` event or the next page
        retryTimer ||= setTimeout(drain, Math.min(1000 * 2 ** failures++, maxBackoffMs));
        break;
      }
      failures = 0;
      outbox.delete(batch.map((event) => event.id));
    }
    events.forEach((event) => busy.delete(event.id));
  };

  const flush = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    const events = waiting;
    waiting = [];
    if (events.length) void send(events);
  };

  const drain = async () => {
    retryTimer = undefined;
    const stored = await outbox.all();
    await send(stored.filter((event) => !busy.has(event.id)));
  };

  return {
    add(event) {
      outbox.put(event);
      busy.add(event.id);
      if (waiting.push(event) >= batchSize) flush();
      else flushTimer ||= setTimeout(flush, batchDelayMs);
    },
    flush,
    drain,
    clear() {
      waiting = [];
      outbox.clear();
    },
  };
};
