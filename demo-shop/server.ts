import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createDemoShop } from './app.ts';
import type { RatingSourceOptions } from './ratings/rating-source.ts';

export interface StartDemoShopOptions {
  /** 0 picks a free port; the returned url has the real one. */
  port?: number;
  snippet: string;
  /** the shop's /shoploop-sw.js, one `importScripts` line (see createDemoShop) */
  serviceWorker?: string;
  /** Shoploop's URL and site key for the product pages' rating JSON-LD (see createDemoShop) */
  ratings?: RatingSourceOptions;
  /** Defaults to every interface, so both localhost and 127.0.0.1 reach the shop. */
  hostname?: string;
}

export interface RunningDemoShop {
  url: string;
  close(): Promise<void>;
}

export function startDemoShop({ port = 8080, snippet, serviceWorker, ratings, hostname }: StartDemoShopOptions): Promise<RunningDemoShop> {
  const app = createDemoShop({ snippet, serviceWorker, ratings });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, ...(hostname ? { hostname } : {}) }, (info: AddressInfo) => {
      const host = hostname && hostname !== '0.0.0.0' && hostname !== '::' ? hostname : 'localhost';
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`,
        close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
      });
    });
    server.once('error', reject);
  });
}
