import fc from 'fast-check';

/**
 * Generators of what an attacker sends instead of what a page would: strings and values that have broken
 * servers elsewhere (unicode edges, injection shapes, prototype keys, depth, size). Each endpoint's property
 * test mixes them into otherwise valid bodies and queries, so most runs get past the first check and reach
 * the deeper ones.
 */

/** Strings with a known history: injection shapes, traversal, header splitting, unicode edges. */
const nastyStrings = [
  '',
  ' ',
  "' OR '1'='1",
  "'; DROP TABLE events; --",
  '" OR 1=1 --',
  '1; SELECT * FROM sites',
  '%',
  '_',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  '<!--',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '....//....//etc/passwd',
  'a\r\nSet-Cookie: sl_admin_session=x',
  'a\r\n\r\nHTTP/1.1 200 OK',
  '\u0000',
  'a\u0000b',
  '\ud800', // a lone high surrogate
  '\udfff', // a lone low surrogate
  'x\udc00\ud800y', // surrogates in the wrong order
  '\u202egnp.exe', // right-to-left override
  '\u200f\u200e\u061c', // RTL/LTR marks
  '\ufeff', // byte order mark
  '\u200b\u200c\u200d', // zero-width
  'ﷺ'.repeat(50),
  '𝕊𝕙𝕠𝕡',
  '🧑‍🧑‍🧒‍🧒',
  'e\u0301\u0301\u0301\u0301',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '${7*7}{{7*7}}',
  '\\',
  '\\u0000',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  'null',
  'true',
  '[]',
  '{}',
];

export const prototypeKeys = ['__proto__', 'constructor', 'prototype'] as const;

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));

/** One hostile string: a known one, random full unicode, surrogates and control characters, or very long. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.oneof(loneSurrogate, control, fc.constantFrom('<', '>', '&', '"', "'", '\\', '/', '%')), maxLength: 20 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...nastyStrings), fc.integer({ min: 129, max: 70_000 })).map(([s, n]) => (s || 'x').repeat(Math.ceil(n / Math.max(1, s.length)))) },
);

/** A number JSON can carry that no field expects: negative, fractional, huge, tiny. */
const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(-1, 0, -0, 0.5, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, 2 ** 53, 1e21),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Any JSON value, keys included hostile ones (`__proto__` as an own key, as JSON.parse makes it). */
const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(fc.oneof(fc.constantFrom(...prototypeKeys), hostileString), tie('value')), { maxLength: 4 }).map(objectOf),
  ),
})).value;

/** An object with these entries as own properties, `__proto__` included (as JSON.parse would build it). */
export function objectOf(entries: Array<[string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** Raw body texts that are not the JSON a page sends: broken, deeply nested, huge, the wrong encoding. */
export const hostileBodyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '{', '}', '{"site":', 'null', 'true', '0', '"text"', '[]', '{}', '[{}]', 'undefined', "{'site':'x'}", '{"a":1,}', '\u0000', '\ufeff{}', '{"a":NaN}', '{"a":1e999}'),
  fc.integer({ min: 1, max: 60_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 1, max: 20_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
  fc.integer({ min: 64 * 1024 - 16, max: 200_000 }).map((n) => `{"site":"${'x'.repeat(n)}"}`),
  fc.string({ unit: 'binary', maxLength: 200 }),
  hostileJson.map((v) => JSON.stringify(v) ?? 'null'),
);

/**
 * Sets `path` in a copy of `base` to `value` (creating what is missing), the way a forged page would change
 * one field of a valid body. A path through an array index or a prototype key stays an own property.
 */
function withField(base: unknown, path: readonly string[], value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(base)) as unknown;
  if (path.length === 0) return value;
  let at = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = Object.prototype.hasOwnProperty.call(at, key) ? at[key] : undefined;
    const child = typeof next === 'object' && next !== null ? next : {};
    Object.defineProperty(at, key, { value: child, enumerable: true, writable: true, configurable: true });
    at = child as Record<string, unknown>;
  }
  Object.defineProperty(at, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/**
 * A body derived from a valid one: a field replaced by a hostile value, a hostile key added, or the whole text
 * replaced. `paths` are the body's own fields (e.g. ['events', '0', 'name']).
 */
export function hostileBody(valid: () => unknown, paths: ReadonlyArray<readonly string[]>): fc.Arbitrary<string> {
  const field = fc.tuple(fc.constantFrom(...paths), hostileJson).map(([path, value]) => JSON.stringify(withField(valid(), path, value)));
  const extraKey = fc
    .tuple(fc.constantFrom(...paths), fc.oneof(fc.constantFrom(...prototypeKeys), hostileString), hostileJson)
    .map(([path, key, value]) => JSON.stringify(withField(valid(), [...path.slice(0, -1), key], value)));
  return fc.oneof({ weight: 4, arbitrary: field }, { weight: 2, arbitrary: extraKey }, { weight: 2, arbitrary: hostileBodyText });
}

/** Percent-encodes a string's UTF-8 bytes (encodeURIComponent throws on a lone surrogate; a browser sends U+FFFD). */
export function encodeQueryValue(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** Query-string pieces a URL parser trips over: broken escapes, NUL, doubled separators. */
export const brokenEscapes = ['%', '%E0%A4%A', '%ZZ', '%00', '%C0%AF', '%ED%A0%80', '%FF%FE', '%%', '%2', '+%2B+', '&&', '=', '#frag', '%0D%0ASet-Cookie:%20x=1'];

/**
 * A query string derived from a valid one: a parameter replaced by a hostile value (encoded or raw broken
 * escapes), repeated, dropped, or a hostile parameter added.
 */
export function hostileQuery(valid: Record<string, string>): fc.Arbitrary<string> {
  const names = Object.keys(valid);
  const value = fc.oneof({ weight: 3, arbitrary: hostileString.map(encodeQueryValue) }, { weight: 1, arbitrary: fc.constantFrom(...brokenEscapes) });
  const entry = fc.tuple(fc.oneof(fc.constantFrom(...names), fc.constantFrom(...prototypeKeys), hostileString.map(encodeQueryValue)), value);
  return fc
    .record({
      replaced: fc.array(entry, { maxLength: 3 }),
      dropped: fc.subarray(names, { maxLength: 1 }),
      repeated: fc.boolean(),
    })
    .map(({ replaced, dropped, repeated }) => {
      const pairs: Array<[string, string]> = Object.entries(valid)
        .filter(([k]) => !dropped.includes(k))
        .map(([k, v]) => [k, encodeQueryValue(v)]);
      for (const [k, v] of replaced) {
        const at = pairs.findIndex(([name]) => name === k);
        if (at >= 0 && !repeated) pairs[at] = [k, v];
        else pairs.push([k, v]);
      }
      return pairs.map(([k, v]) => `${k}=${v}`).join('&');
    });
}
