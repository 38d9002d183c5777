import { newId } from '../../widget/src/tracker/ids.ts';
import { SHOP_ORIGIN, SITE_KEY } from './shop-database.ts';

/** A browser's user agent: Node's own ("node") is a bot to the collector, answered 202 and not stored. */
export const CHROME_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';

// Node's own fetch, taken before tracker-clients.ts stands in for the browsers' one
const fetch = globalThis.fetch;

/** One batch of one page view posted as the tracker posts it (a new visitor each time unless named: no rate limit in the way); the answer's status, Retry-After and body. */
export async function postOneEvent(api: string, visitor = `probe-${newId()}`): Promise<{ status: number; retryAfter: string | null; body: unknown; id: string }> {
  const id = newId();
  const batch = { site: SITE_KEY, vid: visitor, tz: 'Europe/London', v: 'faults', events: [{ id, name: 'page_view', ts: Date.now(), sid: 's1', url: `${SHOP_ORIGIN}/`, params: {} }] };
  const res = await fetch(`${api}/v1/collect`, { method: 'POST', headers: { origin: SHOP_ORIGIN, 'content-type': 'text/plain', 'user-agent': CHROME_UA }, body: JSON.stringify(batch), signal: AbortSignal.timeout(150_000) });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json(), id };
}

/** GET /healthz: its status and body. */
export async function health(api: string): Promise<{ status: number; body: { ok: boolean; database?: { reason: string; since?: string } } }> {
  const res = await fetch(`${api}/healthz`, { signal: AbortSignal.timeout(150_000) });
  return { status: res.status, body: (await res.json()) as { ok: boolean; database?: { reason: string } } };
}
