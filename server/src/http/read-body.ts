import type { Context } from 'hono';
import type { IncomingMessage } from 'node:http';
import { badRequest, tooLarge } from './errors.ts';

/**
 * Reads a request body as text, refusing (413) past `maxBytes` without buffering more than that. Under
 * @hono/node-server it reads the Node stream directly: building a web ReadableStream for every small POST
 * cost more than the rest of the collector's parsing (see docs/benchmarks.md).
 */
export async function readTextCapped(c: Context, maxBytes: number): Promise<string> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming) return readNodeTextCapped(incoming, maxBytes);
  refuseDeclaredOver(c.req.header('content-length'), maxBytes);
  const parts: Uint8Array[] = [];
  for await (const chunk of readWeb(c.req.raw, maxBytes)) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

/** The same for a plain node:http request (the collector's fast path), with plain stream events. */
export function readNodeTextCapped(incoming: IncomingMessage, maxBytes: number): Promise<string> {
  refuseDeclaredOver(incoming.headers['content-length'], maxBytes);
  return new Promise((resolve, reject) => {
    let first: Buffer | undefined;
    let more: Buffer[] | undefined;
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        incoming.off('data', onData).off('end', onEnd).off('error', onError);
        incoming.resume(); // drain the rest so the connection stays usable for the 413
        reject(tooLarge(`body is over the limit of ${maxBytes} bytes`));
      } else if (!first) first = chunk;
      else (more ??= [first]).push(chunk);
    };
    const onEnd = () => {
      incoming.off('error', onError);
      resolve(more ? Buffer.concat(more).toString('utf8') : (first?.toString('utf8') ?? ''));
    };
    const onError = (error: Error) => reject(error);
    incoming.on('data', onData).once('end', onEnd).once('error', onError);
  });
}

function refuseDeclaredOver(contentLength: string | undefined, maxBytes: number): void {
  const declared = Number(contentLength ?? NaN);
  if (declared > maxBytes) throw tooLarge(`body is ${declared} bytes; the limit is ${maxBytes}`);
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
