import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { limits } from '../collect/vocabulary.ts';
import type { Collector } from '../collect/collector.ts';
import { addressKey, clientAddress } from './client-address.ts';
import { errorAnswer } from './error-handler.ts';
import type { RequestHeaders } from './page-origin.ts';
import { readNodeTextCapped } from './read-body.ts';

/**
 * `POST /v1/collect` answered on node:http itself, in front of Hono's listener; every other request (the
 * collector's CORS preflight included) goes on to `fallback`. The work is the same `Collector` the Hono route
 * runs, and the answer is byte for byte what that route and `publicCors` send (collect-fast-path.test.ts
 * compares them; collect.test.ts runs its cases both ways). What it skips is Hono's web Request/Response
 * objects and routing for the one hot path, which cost about as much as validating and storing a batch
 * (docs/benchmarks.md).
 */
export function withCollectFastPath(collector: Collector, trustProxy: number, fallback: RequestListener): RequestListener {
  return (req, res) => {
    if (req.method === 'POST' && isCollectUrl(req.url)) {
      collect(collector, trustProxy, req, res).catch((error: unknown) => {
        console.error('collect: could not answer', error); // e.g. a header Node refuses to write
        res.destroy();
      });
    } else {
      fallback(req, res);
    }
  };
}

/** The path Hono would route to the collector: exactly /v1/collect, with or without a query. */
function isCollectUrl(url: string | undefined): boolean {
  return url === '/v1/collect' || (url !== undefined && url.startsWith('/v1/collect?'));
}

// The address key of a keep-alive connection, hashed once: the peer of a socket never changes.
const socketKeys = new WeakMap<Socket, string>();

async function collect(collector: Collector, trustProxy: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const origin = req.headers.origin;
  try {
    const answer = await collector.accept({
      body: await readNodeTextCapped(req, limits.bodyBytes),
      headers: nodeHeaders(req),
      userAgent: req.headers['user-agent'],
      addressKey: () => {
        const header = req.headers['x-forwarded-for'];
        const forwarded = Array.isArray(header) ? header.join(', ') : header;
        if (trustProxy && forwarded) return addressKey(clientAddress(forwarded, req.socket.remoteAddress, trustProxy));
        let key = socketKeys.get(req.socket);
        if (key === undefined) socketKeys.set(req.socket, (key = addressKey(req.socket.remoteAddress)));
        return key;
      },
    });
    send(res, origin, answer.status, JSON.stringify(answer.body));
  } catch (error) {
    if (res.destroyed) return; // the client went away mid-request: nobody to answer
    const answer = errorAnswer(error, 'POST', '/v1/collect');
    send(res, origin, answer.status, JSON.stringify(answer.body), answer.headers);
  }
}

/** `req.headers` as the collector reads headers (a repeated header joined, as the Fetch API joins it). */
function nodeHeaders(req: IncomingMessage): RequestHeaders {
  return {
    header(name) {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/** The headers Hono's c.json and publicCors would send, in the same (sorted) order. */
function send(res: ServerResponse, origin: string | undefined, status: number, json: string, extra?: Record<string, string>): void {
  const headers: Record<string, string | number> = {
    'access-control-allow-origin': origin ?? '*',
    'content-type': 'application/json',
    ...extra,
    vary: 'Origin',
    'Content-Length': Buffer.byteLength(json),
  };
  res.writeHead(status, headers).end(json);
}
