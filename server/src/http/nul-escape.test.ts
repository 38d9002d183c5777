import { expect, test } from 'vitest';
import { hasNulEscape } from './nul-escape.ts';

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
