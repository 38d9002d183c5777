import { getRequestListener } from '@hono/node-server';
import { createServer, type Server } from 'node:http';
import type { ShoploopApp } from '../app.ts';
import { withCollectFastPath } from './collect-fast-path.ts';

/**
 * The HTTP server `main.ts` listens with: Hono's Node listener for every route, behind the collector's
 * node:http fast path for `POST /v1/collect`.
 */
export function createHttpServer({ app, deps }: ShoploopApp, hostname?: string): Server {
  const hono = getRequestListener(app.fetch, { hostname });
  return createServer(withCollectFastPath(deps.collector, deps.config.trustProxy, hono));
}
