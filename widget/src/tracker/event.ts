import type { Params } from './params.ts';
import type { EventName } from './vocabulary.ts';

/** One event as stored in the outbox and sent in a batch (the collector's eventSchema). */
export interface TrackedEvent {
  id: string;
  name: EventName;
  /** client time, ms since epoch */
  ts: number;
  sid: string;
  url: string;
  ref?: string;
  params: Params;
}

/** What a batch carries besides its events. */
export interface Envelope {
  site: string;
  vid: string;
  tz?: string;
  v: string;
}
