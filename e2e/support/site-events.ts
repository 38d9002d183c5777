import { E2E_ADMIN_TOKEN, type EventView } from './stack.ts';

/**
 * The events the server stored for one site's visitors, through the admin API: for tests with a site of their
 * own beside the demo site (stack.ts's helpers read the demo site's).
 */
export function siteEvents(serverUrl: string, siteId: string) {
  async function stored(visitorId: string): Promise<EventView[]> {
    const res = await fetch(`${serverUrl}/admin/api/visitors/${encodeURIComponent(visitorId)}?site=${siteId}`, { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` } });
    if (res.status === 404) return [];
    if (!res.ok) throw new Error(`visitor ${visitorId} → ${res.status} ${await res.text()}`);
    return ((await res.json()) as { events: EventView[] }).events;
  }

  /** Polls until `done(events)` holds (the tracker batches and retries), or fails with what it saw. */
  async function waitFor(visitorId: string, done: (events: EventView[]) => boolean, timeoutMs = 20_000): Promise<EventView[]> {
    const until = Date.now() + timeoutMs;
    let events: EventView[] = [];
    while (Date.now() < until) {
      events = await stored(visitorId);
      if (done(events)) return events;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`timed out waiting for events of ${visitorId}; stored: ${JSON.stringify(events.map((e) => e.name))}`);
  }

  return { stored, waitFor };
}
