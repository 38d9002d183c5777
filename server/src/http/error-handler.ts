import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError, type ErrorBody } from './errors.ts';

/** The one place errors become responses: `{ "error": { "code", "message" } }` with the matching status. */
export const errorHandler: ErrorHandler = (err, c) => {
  if (err instanceof ApiError) {
    const body: ErrorBody = { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } };
    return c.json(body, err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 401 ? 'unauthorized' : status === 413 ? 'payload_too_large' : status < 500 ? 'bad_request' : 'internal';
    return c.json({ error: { code, message: err.message || 'request failed' } } satisfies ErrorBody, status);
  }
  console.error('unhandled error', c.req.method, c.req.path, err);
  return c.json({ error: { code: 'internal', message: 'internal error; the server log has the details' } } satisfies ErrorBody, 500);
};

export const notFoundHandler: NotFoundHandler = (c) =>
  c.json({ error: { code: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` } } satisfies ErrorBody, 404);
