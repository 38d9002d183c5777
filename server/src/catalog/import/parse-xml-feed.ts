import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FeedRow, RawFields } from './feed-row.ts';
import { splitXmlItems } from './split-xml-items.ts';

// Values stay text (`parseTagValue: false`) so an id like 00123 keeps its zeros; prefixes (g:) are dropped.
// Entities are decoded below: the parser's own HTML-entity option made parsing four times slower.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: false,
});

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML's five named entities and numeric character references, in one pass so `&amp;lt;` stays `&lt;`. */
export const decodeEntities = (s: string): string =>
  s.includes('&')
    ? s.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos));/gi, (whole, dec?: string, hex?: string, name?: string) => {
        if (name) return named[name.toLowerCase()] ?? whole;
        const code = dec ? Number(dec) : parseInt(hex!, 16);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      })
    : s;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The text an element carries: its content, an Atom `<link href>`, or the first non-empty of repeats. */
function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return decodeEntities(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const text = textOf(v);
      if (text) return text;
    }
    return undefined;
  }
  if (isObject(value)) {
    if (typeof value['#text'] === 'string') return decodeEntities(value['#text']);
    if (typeof value['@_href'] === 'string') return decodeEntities(value['@_href']);
  }
  return undefined;
}

/** The child elements of one parsed product element, as field name → text (nested elements kept as they are). */
function fieldsOf(itemXml: string): RawFields {
  const doc: unknown = parser.parse(itemXml);
  const element = isObject(doc) ? Object.values(doc)[0] : undefined;
  const fields: RawFields = {};
  if (!isObject(element)) return fields;
  for (const [name, value] of Object.entries(element)) {
    if (name.startsWith('@_')) continue;
    fields[name] = textOf(value) ?? value;
  }
  return fields;
}

/**
 * Google Merchant XML: RSS 2.0 `<item>`s (or Atom `<entry>`s) with `g:` fields. Items are cut out of the stream
 * and parsed one by one; a malformed item is one rejected row.
 */
export async function* parseXmlFeed(text: AsyncIterable<string>): AsyncGenerator<FeedRow> {
  let row = 0;
  for await (const item of splitXmlItems(text)) {
    const position = { row: ++row, line: item.line };
    const valid = XMLValidator.validate(item.xml);
    if (valid !== true) {
      yield { ...position, unreadable: `malformed XML: ${valid.err.msg}` };
      continue;
    }
    yield { ...position, fields: fieldsOf(item.xml) };
  }
}
