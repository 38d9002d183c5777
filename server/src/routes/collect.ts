import { Hono } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppDeps } from '../app-deps.ts';
import type { CollectResponse } from '../collect/collector.ts';
import { limits } from '../collect/vocabulary.ts';
import { addressKey, clientAddress } from '../http/client-address.ts';
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
      addressKey: () => addressKey(clientAddress(c.req.header('x-forwarded-for'), remoteAddress(c), deps.config.trustProxy)),
    });
    return c.json(answer.body satisfies CollectResponse, answer.status);
  });
}

function remoteAddress(c: Parameters<typeof getConnInfo>[0]): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // app.request() has no socket
  }
}
