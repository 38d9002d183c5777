import fc from 'fast-check';
import { expect } from 'vitest';
import type { Db } from '../db/client.ts';
import type { ErrorCode } from '../http/errors.ts';

/** The codes errors.ts defines (tsc fails here when one is added): a refusal must be one of them, in the one error shape. */
const knownCodes = {
  bad_request: true,
  unauthorized: true,
  forbidden: true,
  not_found: true,
  payload_too_large: true,
  rate_limited: true,
  unsupported_media_type: true,
  unavailable: true,
  push_not_configured: true,
  conflict: true,
  invalid_credentials: true,
  csrf: true,
  internal: true,
} satisfies Record<ErrorCode, true>;
const errorCodes: ReadonlySet<string> = new Set(Object.keys(knownCodes));

/** Runs per property: modest, so every file finishes in seconds on a shared 2-core machine (SECURITY_RUNS for more). */
const RUNS = Number(process.env.SECURITY_RUNS ?? 40);

export interface Answer {
  status: number;
  text: string;
  json: unknown;
  headers: Headers;
}

/** Reads an answer whole; `json` is undefined when the text is not JSON. */
export async function read(res: Response): Promise<Answer> {
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json, headers: res.headers };
}

/**
 * What every answer to hostile input must be: a success for input that is in fact valid, else a 4xx in the
 * project's error shape `{ error: { code, message } }` with a known code — never a 5xx.
 */
export function expectClearAnswer(answer: Answer, what: string): void {
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  if (answer.status < 400) return;
  const body = answer.json as { error?: { code?: unknown; message?: unknown } } | undefined;
  expect(errorCodes.has(String(body?.error?.code)), `${what}: error code of ${answer.text.slice(0, 300)}`).toBe(true);
  expect(typeof body?.error?.message, `${what}: error message`).toBe('string');
  expect(answer.headers.get('content-type') ?? '', what).toMatch(/^application\/json/);
}

/** Rows in every table of the database, by table name: what a refusal must leave as it was. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await db.client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%drizzle%' ORDER BY name");
  const names = tables.rows.map((r) => String(r.name));
  const sql = names.map((n) => `SELECT '${n}' AS t, count(*) AS n FROM "${n}"`).join(' UNION ALL ');
  const rs = await db.client.execute(sql);
  return Object.fromEntries(rs.rows.map((r) => [String(r.t), Number(r.n)]));
}

/** Object.prototype as it is now, to compare after a run (a prototype-pollution bug adds or changes a key). */
export function prototypeSnapshot(): string[] {
  return Object.getOwnPropertyNames(Object.prototype)
    .map((k) => `${k}:${typeof (Object.prototype as Record<string, unknown>)[k]}`)
    .sort();
}

export function expectPrototypeUntouched(before: string[]): void {
  expect(prototypeSnapshot()).toEqual(before);
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'isAdmin', 'site', 'status', 'x']) expect(probe[key], `Object.prototype.${key}`).toBeUndefined();
}

/** GET /healthz answers 200 { ok: true } after a run. */
export async function expectHealthy(app: { request: (path: string) => Response | Promise<Response> }): Promise<void> {
  const res = await app.request('/healthz');
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ ok: true });
}

/** fc.assert with the suite's run count (or this property's own; SECURITY_RUNS overrides both), asynchronous. */
export function check<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, runs = RUNS): Promise<void> {
  return fc.assert(fc.asyncProperty(arbitrary, predicate), { numRuns: process.env.SECURITY_RUNS ? RUNS : runs });
}
