import type { Context } from 'hono';
import type { z } from 'zod';
import { badRequest } from './errors.ts';
import { hasNulEscape, nulMessage } from './nul-escape.ts';
import { readTextCapped } from './read-body.ts';

/**
 * Reads a JSON body (whatever its content type: a browser's text/plain needs no preflight) of at most
 * `maxBytes` and validates it; every problem is a 400 naming the field (the first five in the message).
 */
export async function parseJsonBody<T extends z.ZodType>(c: Context, schema: T, maxBytes: number): Promise<z.infer<T>> {
  const text = await readTextCapped(c, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw badRequest('the body is not valid JSON');
  }
  if (hasNulEscape(text)) throw badRequest(nulMessage);
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw invalid('body', parsed.error);
}

/** Validates a query string the same way (a `%00` in it is refused as in a body). */
export function parseQuery<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const query = c.req.query();
  if (Object.values(query).some((v) => v.includes('\u0000'))) throw badRequest(nulMessage);
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  throw invalid('query', parsed.error);
}

function invalid(what: string, error: z.ZodError) {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const message = issues.slice(0, 5).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return badRequest(`invalid ${what}: ${message}`, { issues });
}
