import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import type { CollectResponse } from '../collect/collector.ts';
import { limits } from '../collect/vocabulary.ts';
import { callerKey } from '../http/caller-key.ts';
import { readTextCapped } from '../http/read-body.ts';

export function collectRoutes(deps: Pick<AppDeps, 'collector' | 'config'>) {
  const { collector } = deps;
  // POST /v1/collect — a batch of storefront events from the tracking script (text/plain JSON: no preflight).
  // A server started by main.ts answers this path on node:http directly (http/collect-fast-path.ts); this route
  // serves app.request() (tests, replays) and anything else that calls the Hono app.
  return new Hono().post('/collect', async (c) => {
    const answer = await collector.accept({
      body: await readTextCapped(c, limits.bodyBytes),
      headers: c.req,
      userAgent: c.req.header('user-agent'),
      addressKey: () => callerKey(c, deps.config.trustProxy),
    });
    return c.json(answer.body satisfies CollectResponse, answer.status);
  });
}
