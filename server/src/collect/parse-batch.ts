import { badRequest, tooLarge } from '../http/errors.ts';
import { batchSchema, type CollectBatch } from './schema.ts';
import { limits } from './vocabulary.ts';

/** Turns a collector body into a validated batch, or throws the error the client should see. */
export function parseBatch(body: string): CollectBatch {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw badRequest('body is not valid JSON');
  }
  const events = (json as { events?: unknown } | null)?.events;
  if (Array.isArray(events) && events.length > limits.eventsPerBatch) {
    throw tooLarge(`a batch holds at most ${limits.eventsPerBatch} events; got ${events.length}`);
  }
  const parsed = batchSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0];
    throw badRequest(`invalid batch: ${first ? `${first.path || '(body)'}: ${first.message}` : 'unknown problem'}`, issues);
  }
  const ids = new Set<string>();
  for (const e of parsed.data.events) {
    if (ids.has(e.id)) throw badRequest(`event id ${e.id} appears twice in one batch`);
    ids.add(e.id);
  }
  return parsed.data;
}
