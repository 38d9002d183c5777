/**
 * Whether a JSON text carries U+0000 inside a string (`\u0000`; a raw NUL is not valid JSON anyway). libSQL
 * stores such text whole but reads it back cut at the NUL ("a\u0000b" comes back as "a"), so a value would not
 * be what was stored — a customer id that reads as another's but is not erased with it, a review that shows less
 * than its author wrote. Every JSON body, and every query parseQuery reads, is refused with it (found by server/src/security/*.property.test.ts).
 * The first test is a plain substring scan, so a body without the six characters costs nothing more.
 */
export function hasNulEscape(json: string): boolean {
  // an escape is a backslash preceded by an even number of backslashes (`\\u0000` is a backslash, then text)
  return json.includes('\\u0000') && /(?:^|[^\\])(?:\\\\)*\\u0000/.test(json);
}

export const nulMessage = 'text may not contain U+0000 (NUL): it cannot be stored and read back as sent';
