import type { CollectBatch, CollectEvent } from '../collect/schema.ts';
import { limits } from '../collect/vocabulary.ts';

/** Room left in a body for the batch's own fields and the commas between events. */
const BODY_HEADROOM = 1024;

/**
 * Splits one visitor's events into collector batches, in order: at most 100 events each, and a JSON body under
 * the collector's 64 KB cap (a big basket's purchase carries 50 items).
 */
export function collectorBatches(siteKey: string, vid: string, events: readonly CollectEvent[]): CollectBatch[] {
  const batches: CollectBatch[] = [];
  let current: CollectEvent[] = [];
  let bytes = 0;
  for (const event of events) {
    const size = Buffer.byteLength(JSON.stringify(event)) + 1;
    if (current.length > 0 && (current.length >= limits.eventsPerBatch || bytes + size > limits.bodyBytes - BODY_HEADROOM)) {
      batches.push({ site: siteKey, vid, events: current });
      current = [];
      bytes = 0;
    }
    current.push(event);
    bytes += size;
  }
  if (current.length > 0) batches.push({ site: siteKey, vid, events: current });
  return batches;
}
