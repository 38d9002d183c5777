import { Hono } from 'hono';
import { isbot } from 'isbot';
import type { AppDeps } from '../app-deps.ts';
import { parseBatch } from '../collect/parse-batch.ts';
import { limits } from '../collect/vocabulary.ts';
import { clientAddressKey } from '../http/client-address.ts';
import { ApiError, rateLimited } from '../http/errors.ts';
import { readTextCapped } from '../http/read-body.ts';
import { RateLimiter } from '../http/rate-limit.ts';
import { siteForPage } from '../sites/site-for-page.ts';

export interface CollectResponse {
  ok: true;
  received: number;
  stored: number;
  duplicates: number;
  /** present when the batch was acknowledged but deliberately not stored */
  ignored?: 'bot';
}

export function collectRoutes({ writer, siteCache, config, clock }: AppDeps) {
  const now = () => clock.now();
  const perVisitor = new RateLimiter(config.rateLimit.perVisitorPerMinute, now);
  const perAddress = new RateLimiter(config.rateLimit.perIpPerMinute, now);

  // POST /v1/collect — a batch of storefront events from the tracking script (text/plain JSON: no preflight)
  return new Hono().post('/collect', async (c) => {
    const batch = parseBatch(await readTextCapped(c, limits.bodyBytes));
    const site = await siteForPage(siteCache, batch.site, c.req.header('origin'));
    if (isbot(c.req.header('user-agent') ?? '')) {
      return c.json({ ok: true, received: batch.events.length, stored: 0, duplicates: 0, ignored: 'bot' } satisfies CollectResponse, 202);
    }
    if (!perAddress.take(clientAddressKey(c, config.trustProxy)) || !perVisitor.take(`${site.id} ${batch.vid}`)) {
      c.header('Retry-After', '30');
      throw rateLimited('too many requests; retry after 30 seconds');
    }
    const result = await writer.write(site.id, batch).catch((error: unknown) => {
      console.error('collect: write failed', error);
      throw new ApiError(503, 'unavailable', 'events could not be stored right now; retry later');
    });
    return c.json({ ok: true, received: batch.events.length, ...result } satisfies CollectResponse);
  });
}
