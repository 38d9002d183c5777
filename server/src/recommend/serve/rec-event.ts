import type { Row } from '@libsql/client';
import type { CollectEvent } from '../../collect/schema.ts';

/** One item of an event as the recommenders see it: the category comes along for per-category popularity. */
export interface RecItem {
  itemId: string;
  category?: string | undefined;
}

/** The slice of a stored event the recommendation models learn from. Times are server receipt times in ms. */
export interface RecEvent {
  eventId: string;
  name: string;
  sessionId: string;
  receivedAt: number;
  items: RecItem[];
}

interface ParamsWithItems {
  items?: Array<{ item_id: string; item_category?: string | undefined }> | undefined;
}

const itemsOf = (params: ParamsWithItems): RecItem[] =>
  (params.items ?? []).map((i) => ({ itemId: i.item_id, category: i.item_category }));

/** A collector event just committed at `receivedAt`, in the shape a stored row gives after a rebuild. */
export function recEventOfCollected(e: CollectEvent, receivedAt: number): RecEvent {
  return { eventId: e.id, name: e.name, sessionId: e.sid, receivedAt, items: itemsOf(e.params) };
}

/** An `events` row; `params` is the validated JSON the collector stored. */
export function recEventOfRow(row: Row): RecEvent {
  let params: ParamsWithItems = {};
  try {
    params = JSON.parse(String(row.params)) as ParamsWithItems;
  } catch {
    // stored params are validated JSON; a damaged row only loses its items
  }
  return {
    eventId: String(row.event_id),
    name: String(row.name),
    sessionId: String(row.session_id),
    receivedAt: Number(row.received_at),
    items: Array.isArray(params.items) ? itemsOf(params) : [],
  };
}
