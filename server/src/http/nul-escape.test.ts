import { Hono } from 'hono';
import { z } from 'zod';
import { errorHandler } from './error-handler.ts';
import { parseQuery } from './parse-json-body.ts';
import { expect, test } from 'vitest';
import { hasNulEscape, nulMessage } from './nul-escape.ts';

/** The meaning: some key or string of the parsed value holds U+0000. */
const holdsNul = (v: unknown): boolean =>
  typeof v === 'string' ? v.includes('\u0000') : typeof v === 'object' && v !== null ? Object.entries(v).some(([k, x]) => k.includes('\u0000') || holdsNul(x)) : false;

test.each([
  [JSON.stringify({ a: 'x\u0000y' }), true],
  [JSON.stringify({ 'k\u0000': 1 }), true],
  [JSON.stringify(['\u0000']), true],
  [JSON.stringify({ a: '\\\u0000' }), true], // a backslash, then NUL
  [JSON.stringify({ a: '\\u0000' }), false], // the six characters \u0000 as text
  [JSON.stringify({ a: '\\\\u0000' }), false],
  [JSON.stringify({ a: 'x\u0001y' }), false],
  ['{"a":"plain"}', false],
])('%s → %s', (json, expected) => {
  expect(hasNulEscape(json)).toBe(expected);
  expect(holdsNul(JSON.parse(json))).toBe(expected);
});

test('a query value with %00 is refused by parseQuery, as a body is by parseJsonBody', async () => {
  const app = new Hono().get('/x', (c) => c.json(parseQuery(c, z.object({ id: z.string() }))));
  app.onError(errorHandler);
  expect((await app.request('/x?id=a')).status).toBe(200);
  const refused = await app.request('/x?id=a%00b');
  expect(refused.status).toBe(400);
  expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(nulMessage);
});
