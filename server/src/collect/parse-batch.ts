import { badRequest, tooLarge } from '../http/errors.ts';
import { hasNulEscape, nulMessage } from '../http/nul-escape.ts';
import { availabilities } from '../db/schema/catalog.ts';
import { batchSchema, eventSchema, itemSchema, missingParams, paramsSchema, type CollectBatch } from './schema.ts';
import { eventNames, limits } from './vocabulary.ts';

/** Turns a collector body into a validated batch, or throws the error the client should see. */
export function parseBatch(body: string): CollectBatch {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw badRequest('body is not valid JSON');
  }
  if (hasNulEscape(body)) throw badRequest(nulMessage);
  const events = (json as { events?: unknown } | null)?.events;
  if (Array.isArray(events) && events.length > limits.eventsPerBatch) {
    throw tooLarge(`a batch holds at most ${limits.eventsPerBatch} events; got ${events.length}`);
  }
  const batch = checkBatch(json) ?? parseWithSchema(json);
  const ids = new Set<string>();
  for (const e of batch.events) {
    if (ids.has(e.id)) throw badRequest(`event id ${e.id} appears twice in one batch`);
    ids.add(e.id);
  }
  return batch;
}

/** The zod schema: the definition of a valid batch, and the words of every refusal. */
function parseWithSchema(json: unknown): CollectBatch {
  const parsed = batchSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message }));
    const first = issues[0];
    throw badRequest(`invalid batch: ${first ? `${first.path || '(body)'}: ${first.message}` : 'unknown problem'}`, issues);
  }
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------------------------
// The common case, checked by hand: nearly every batch is valid, and zod spent ~10 % of the collector's CPU
// proving it. `checkBatch` returns exactly what `batchSchema.parse` would (same keys in the same order, unknown
// keys dropped, currencies upper-cased, params defaulting to {}) or, for anything it is not sure of, NO: then the
// schema decides and words the error. So it may only ever accept less than the schema, never more
// (parse-batch.test.ts compares the two on valid, boundary and broken batches).

const NO = Symbol('ask the schema');
type Check = (value: unknown) => unknown;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (max: number, min = 0): Check => (v) => (typeof v === 'string' && v.length <= max && v.length >= min ? v : NO);
const ID = /^[\w.:-]+$/;
const id: Check = (v) => (typeof v === 'string' && v.length >= 1 && v.length <= limits.idLength && ID.test(v) ? v : NO);
const money: Check = (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= limits.maxPrice ? v : NO);
const int = (min: number, max: number): Check => (v) => (Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max ? v : NO);
const CURRENCY = /^[A-Za-z]{3}$/;
const currency: Check = (v) => (typeof v === 'string' && CURRENCY.test(v) ? v.toUpperCase() : NO);
const oneOf = (values: readonly string[]): Check => {
  const set = new Set(values);
  return (v) => (typeof v === 'string' && set.has(v) ? v : NO);
};
const arrayOf = (check: Check, min: number, max: number): Check => (v) => {
  if (!Array.isArray(v) || v.length < min || v.length > max) return NO;
  const out: unknown[] = [];
  for (const x of v) {
    const checked = check(x);
    if (checked === NO) return NO;
    out.push(checked);
  }
  return out;
};

/**
 * An object check in the schema's key order. `shape` is the zod object's shape: a key the schema knows but
 * `fields` does not (one added to schema.ts later) sends the batch to the schema rather than losing the value.
 */
interface Field {
  check: Check;
  required?: boolean;
  /** the value when absent, as the schema's .default() */
  absent?: () => unknown;
}

/** Schema keys without a hand check (should be none: parse-batch.test.ts says so when schema.ts grows one). */
export const uncheckedKeys: string[] = [];

function object(shape: Record<string, unknown>, fields: Record<string, Field>): Check {
  const keys = Object.keys(shape).filter((k) => k in fields);
  const unhandled = Object.keys(shape).filter((k) => !(k in fields));
  uncheckedKeys.push(...unhandled);
  return (v) => {
    if (!isObject(v)) return NO;
    for (const k of unhandled) if (v[k] !== undefined) return NO;
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const x = v[k];
      if (x === undefined) {
        const field = fields[k]!;
        if (field.required) return NO;
        if (field.absent) out[k] = field.absent();
        continue;
      }
      const checked = fields[k]!.check(x);
      if (checked === NO) return NO;
      out[k] = checked;
    }
    return out;
  };
}

const url = text(limits.urlLength);
const item = object(itemSchema.shape, {
  item_id: { check: text(limits.shortText, 1), required: true },
  item_name: { check: text(limits.nameText) },
  price: { check: money },
  currency: { check: currency },
  quantity: { check: int(0, limits.maxQuantity) },
  item_category: { check: text(limits.shortText) },
  item_brand: { check: text(limits.shortText) },
  image: { check: url },
  url: { check: url },
  availability: { check: oneOf(availabilities) },
});
const params = object(paramsSchema.shape, {
  items: { check: arrayOf(item, 0, limits.itemsPerEvent) },
  value: { check: money },
  currency: { check: currency },
  transaction_id: { check: text(limits.shortText) },
  search_term: { check: text(limits.nameText) },
  item_list_id: { check: text(limits.shortText) },
  item_list_name: { check: text(limits.shortText) },
  customer_id: { check: text(limits.shortText) },
  page_title: { check: text(limits.nameText) },
  rec_id: { check: text(limits.idLength) },
  scenario: { check: text(limits.scenarioLength) },
  message_id: { check: text(limits.idLength) },
});
const eventFields = object(eventSchema.shape, {
  id: { check: id, required: true },
  name: { check: oneOf(eventNames), required: true },
  ts: { check: int(0, 8.64e15), required: true },
  sid: { check: id, required: true },
  url: { check: url },
  ref: { check: url },
  params: { check: params, absent: () => ({}) },
});
/** eventSchema's own rule across fields (its superRefine), on a checked event. */
const event: Check = (v) => {
  const e = eventFields(v) as { name: string; params: Parameters<typeof missingParams>[1] } | typeof NO;
  return e === NO || missingParams(e.name, e.params) ? NO : e;
};
const batch = object(batchSchema.shape, {
  site: { check: text(limits.idLength, 1), required: true },
  vid: { check: id, required: true },
  tz: { check: text(64) },
  v: { check: text(32) },
  events: { check: arrayOf(event, 1, limits.eventsPerBatch), required: true },
});

/** `batchSchema.parse(json)` for a batch that is valid in the ordinary way; undefined for the schema to decide. */
export function checkBatch(json: unknown): CollectBatch | undefined {
  const checked = batch(json);
  return checked === NO ? undefined : (checked as CollectBatch);
}
