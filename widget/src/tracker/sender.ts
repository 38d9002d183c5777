import type { Envelope, TrackedEvent } from './event.ts';
import type { Outbox } from './outbox.ts';
import { batchDelayMs, batchSize, firstRetryMs, maxBackoffMs } from './timing.ts';
import { post } from './transport.ts';
import { bodyBytes, eventsPerBatch } from './vocabulary.ts';

export interface Sender {
  /** stores the event in the outbox and sends it within a second (at once at 20 waiting events) */
  add(event: TrackedEvent): void;
  /** sends what this page has waiting now; safe in pagehide (the request starts synchronously) */
  flush(): void;
  /**
   * sends everything the outbox holds: earlier pages' events, failed batches, and this page's waiting ones.
   * An event already in flight may go twice; the collector drops duplicate ids.
   */
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
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  /**
   * Sends in batches the collector accepts (≤ 100 events, ≤ 64 KB: a UTF-16 unit is at most 3 UTF-8 bytes),
   * halving until they fit; true when all are settled.
   */
  const send = async (events: TrackedEvent[]): Promise<boolean> => {
    const body = JSON.stringify({ ...envelope(), events });
    const half = events.length >> 1;
    if (half && (events.length > eventsPerBatch || body.length * 3 > bodyBytes)) {
      return (await send(events.slice(0, half))) && send(events.slice(half));
    }
    if (!allowed()) return true;
    if (!(await post(url, body))) {
      // 1 s doubling to 5 minutes; the outbox keeps the events for the retry, the `online` event or the next page
      retryTimer ||= setTimeout(drain, Math.min(firstRetryMs * 2 ** failures++, maxBackoffMs));
      return false;
    }
    failures = 0;
    outbox.delete(events.map((event) => event.id));
    return true;
  };

  const flush = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    if (waiting[0]) void send(waiting);
    waiting = [];
  };

  const drain = async () => {
    retryTimer = undefined;
    waiting = []; // already in the outbox, which is read next
    const events = await outbox.all();
    if (events[0]) await send(events);
  };

  return {
    add(event) {
      outbox.put(event);
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
