import type { Envelope, TrackedEvent } from './event.ts';
import { bodyBytes, eventsPerBatch } from './vocabulary.ts';

/** Room left in a body for the envelope (site, vid, tz and v are at most ~250 bytes). */
const eventBytes = bodyBytes - 1024;

/** Splits events into batches the collector accepts: at most 100 events and 64 KB each. */
export const toBatches = (events: TrackedEvent[]): TrackedEvent[][] => {
  const batches: TrackedEvent[][] = [];
  let batch: TrackedEvent[] = [];
  let bytes = 0;
  for (const event of events) {
    const size = new Blob([JSON.stringify(event)]).size + 1;
    if (batch.length && (batch.length == eventsPerBatch || bytes + size > eventBytes)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(event);
    bytes += size;
  }
  if (batch.length) batches.push(batch);
  return batches;
};

/**
 * POSTs one batch as text/plain JSON (a "simple" request: no CORS preflight); keepalive lets it outlive the page.
 * Resolves true when the batch is settled — stored (2xx) or permanently rejected (4xx: retrying cannot help) —
 * and false when it should be retried (408, 429, 5xx, network failure).
 */
export const post = async (url: string, envelope: Envelope, events: TrackedEvent[]): Promise<boolean> => {
  try {
    const { status } = await fetch(url, {
      method: 'POST',
      keepalive: true,
      body: JSON.stringify({ ...envelope, events }),
      headers: { 'content-type': 'text/plain' },
    });
    if (import.meta.env.DEV && status >= 400) console.warn('[shoploop] collector answered', status);
    return status < 300 || (status >= 400 && status < 500 && status != 408 && status != 429);
  } catch {
    return false;
  }
};
