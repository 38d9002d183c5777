import { getRequestListener } from '@hono/node-server';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { ShoploopApp } from '../app.ts';
import { withCollectFastPath } from './collect-fast-path.ts';

/**
 * The HTTP server `main.ts` listens with: Hono's Node listener for every route, behind the collector's
 * node:http fast path for `POST /v1/collect`.
 */
export function createHttpServer(shoploop: ShoploopApp, hostname?: string): Server {
  return createServer(shoploopListener(shoploop, hostname));
}

/** The request listener of that server: the collector's fast path in front of Hono. */
export function shoploopListener({ app, deps }: ShoploopApp, hostname?: string): RequestListener {
  return withCollectFastPath(deps.collector, deps.config.trustProxy, getRequestListener(app.fetch, { hostname }));
}
