import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';
import { badRequest, tooLarge } from './errors.ts';

/**
 * Reads a request body as text, refusing (413) past `maxBytes` without buffering more than that. Under
 * @hono/node-server it reads the Node stream directly: building a web ReadableStream for every small POST
 * cost more than the rest of the collector's parsing (see docs/benchmarks.md).
 */
export async function readTextCapped(c: Context, maxBytes: number): Promise<string> {
  const declared = Number(c.req.header('content-length') ?? NaN);
  if (declared > maxBytes) throw tooLarge(`body is ${declared} bytes; the limit is ${maxBytes}`);
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const chunks = incoming ? readNode(incoming, maxBytes) : readWeb(c.req.raw, maxBytes);
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

async function* readNode(incoming: IncomingMessage, maxBytes: number): AsyncGenerator<Uint8Array> {
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      incoming.resume(); // drain the rest so the connection stays usable for the 413
      throw tooLarge(`body is over the limit of ${maxBytes} bytes`);
    }
    yield chunk;
  }
}

async function* readWeb(req: Request, maxBytes: number): AsyncGenerator<Uint8Array> {
  if (!req.body) throw badRequest('the request has no body');
  const reader = req.body.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`body is over the limit of ${maxBytes} bytes`);
    }
    yield value;
  }
}
