import { ratingFromJsonLd, type ProductRating } from './rating-json-ld.ts';

export interface RatingSourceOptions {
  /** Shoploop's base URL, as in the snippet's `src` (e.g. `https://shoploop.example.com`) */
  api: string;
  /** the site's public key, the snippet's `data-site` */
  site: string;
  /** how long an answer is used before Shoploop is asked again (default 60 s) */
  cacheMs?: number;
  /** the longest a page render waits for Shoploop (default 400 ms) */
  timeoutMs?: number;
  /** after a failure or a timeout, how long no page asks at all (default 30 s) */
  pauseAfterFailureMs?: number;
  now?: () => number;
}

export interface RatingSource {
  /** The product's rating for its page's HTML; null without reviews, or when Shoploop cannot say in time. */
  forItem(itemId: string): Promise<ProductRating | null>;
}

const DEFAULTS = { cacheMs: 60_000, timeoutMs: 400, pauseAfterFailureMs: 30_000 };
/** a failed refresh keeps showing the last good rating this long: stars should not blink out during an outage */
const KEEP_STALE_MS = 24 * 3_600_000;
/** bounds the cache; the demo catalog has 300 products */
const MAX_ITEMS = 5_000;

interface Entry {
  at: number;
  rating: ProductRating | null;
}

/**
 * Reads product ratings from Shoploop on the shop's server, for the product page's own JSON-LD (search engines
 * show stars only from the page's HTML, never from a script's). The shop must never wait long or break for it:
 * answers are kept `cacheMs`, one request per item at a time, each given `timeoutMs`, and after a failure pages
 * stop asking for `pauseAfterFailureMs`, showing the last good rating if there is one and none otherwise.
 */
export function createRatingSource(options: RatingSourceOptions): RatingSource {
  const { cacheMs, timeoutMs, pauseAfterFailureMs } = { ...DEFAULTS, ...options };
  const now = options.now ?? Date.now;
  const api = options.api.replace(/\/+$/, '');
  const cache = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<ProductRating | null>>();
  let pausedUntil = 0;

  async function fetchRating(itemId: string): Promise<ProductRating | null> {
    const url = `${api}/v1/items/${encodeURIComponent(itemId)}/rating.jsonld?${new URLSearchParams({ site: options.site })}`;
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/ld+json' } });
    if (!response.ok) throw new Error(`${response.status} from ${url}`);
    return ratingFromJsonLd(await response.json());
  }

  function refresh(itemId: string, stale: Entry | undefined): Promise<ProductRating | null> {
    const pending = fetchRating(itemId).then(
      (rating) => {
        if (cache.size >= MAX_ITEMS && !cache.has(itemId)) cache.delete(cache.keys().next().value!);
        cache.set(itemId, { at: now(), rating });
        return rating;
      },
      (error: unknown) => {
        pausedUntil = now() + pauseAfterFailureMs;
        console.warn(`demo shop: no rating from Shoploop for ${itemId} (${error instanceof Error ? error.message : String(error)}); pages go without for ${pauseAfterFailureMs / 1000} s`);
        return stale && now() - stale.at < KEEP_STALE_MS ? stale.rating : null;
      },
    );
    inFlight.set(itemId, pending);
    void pending.finally(() => inFlight.delete(itemId));
    return pending;
  }

  return {
    forItem(itemId) {
      const entry = cache.get(itemId);
      const t = now();
      if (entry && t - entry.at < cacheMs) return Promise.resolve(entry.rating);
      if (t < pausedUntil) return Promise.resolve(entry && t - entry.at < KEEP_STALE_MS ? entry.rating : null);
      return inFlight.get(itemId) ?? refresh(itemId, entry);
    },
  };
}
