import { FeedReadError, type FeedRow, type RawFields } from './feed-row.ts';

const isObject = (v: unknown): v is RawFields => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The product list of a JSON document: the array itself, or the array under `products` or `items`. */
function productList(doc: unknown): unknown[] | undefined {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) return undefined;
  for (const [key, value] of Object.entries(doc)) {
    if ((key.toLowerCase() === 'products' || key.toLowerCase() === 'items') && Array.isArray(value)) return value;
  }
  return undefined;
}

const toRow = (value: unknown, position: { row: number; line?: number }): FeedRow =>
  isObject(value) ? { ...position, fields: value } : { ...position, unreadable: 'not a JSON object' };

/**
 * A JSON feed: an array of products, or `{ "products": [...] }` / `{ "items": [...] }`. Read whole, since a
 * JSON document has no record boundaries to stream on; JSON Lines is the format for very large feeds.
 */
export async function* parseJsonFeed(text: AsyncIterable<string>): AsyncGenerator<FeedRow> {
  let whole = '';
  for await (const chunk of text) whole += chunk;
  let doc: unknown;
  try {
    doc = JSON.parse(whole);
  } catch (e) {
    throw new FeedReadError(`not valid JSON: ${(e as Error).message}`);
  }
  const list = productList(doc);
  if (!list) throw new FeedReadError('expected a JSON array of products, or an object with a "products" or "items" array');
  for (let i = 0; i < list.length; i++) yield { ...toRow(list[i], { row: i + 1 }), rowsInFeed: list.length };
}

/** Splits text into numbered lines without holding more than one chunk and a partial line. */
export async function* linesOf(text: AsyncIterable<string>): AsyncGenerator<{ number: number; text: string }> {
  let pending = '';
  let number = 0;
  for await (const chunk of text) {
    const buf = pending + chunk;
    let start = 0;
    for (let end = buf.indexOf('\n'); end !== -1; end = buf.indexOf('\n', start)) {
      yield { number: ++number, text: buf.slice(start, end).replace(/\r$/, '') };
      start = end + 1;
    }
    pending = buf.slice(start);
  }
  if (pending) yield { number: number + 1, text: pending };
}

/** JSON Lines: one product object per line; a line that is not valid JSON is one rejected row. */
export async function* parseJsonLinesFeed(text: AsyncIterable<string>): AsyncGenerator<FeedRow> {
  let row = 0;
  for await (const line of linesOf(text)) {
    if (!line.text.trim()) continue;
    const position = { row: ++row, line: line.number };
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (e) {
      yield { ...position, unreadable: `not valid JSON: ${(e as Error).message}` };
      continue;
    }
    yield toRow(value, position);
  }
}
