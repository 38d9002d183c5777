import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError, type ErrorBody } from './errors.ts';

export interface ErrorAnswer {
  status: ContentfulStatusCode;
  body: ErrorBody;
  headers?: Record<string, string> | undefined;
}

/**
 * What an error is answered with: an ApiError as itself, anything else logged and answered as a 500. Shared by
 * Hono's handler below and the collector's node:http fast path, so both answer alike.
 */
export function errorAnswer(err: unknown, method: string, path: string): ErrorAnswer {
  if (err instanceof ApiError) {
    return { status: err.status, body: { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } }, headers: err.headers };
  }
  console.error('unhandled error', method, path, err);
  return { status: 500, body: { error: { code: 'internal', message: 'internal error; the server log has the details' } } };
}

/** The one place errors become responses: `{ "error": { "code", "message" } }` with the matching status. */
export const errorHandler: ErrorHandler = (err, c) => {
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 401 ? 'unauthorized' : status === 413 ? 'payload_too_large' : status < 500 ? 'bad_request' : 'internal';
    return c.json({ error: { code, message: err.message || 'request failed' } } satisfies ErrorBody, status);
  }
  const answer = errorAnswer(err, c.req.method, c.req.path);
  for (const [name, value] of Object.entries(answer.headers ?? {})) c.header(name, value);
  return c.json(answer.body, answer.status);
};

export const notFoundHandler: NotFoundHandler = (c) =>
  c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` } } satisfies ErrorBody, 404);
