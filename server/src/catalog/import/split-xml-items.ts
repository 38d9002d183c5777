import { FeedReadError } from './feed-row.ts';

/** One product element cut out of a feed, as XML text, with the line it starts on. */
export interface XmlItem {
  xml: string;
  line: number;
}

/** RSS 2.0 puts products in <item>, Atom in <entry> (prefixes such as g: are looked through). */
const RECORD_ELEMENTS = new Set(['item', 'entry']);
/** A product element this long means a broken feed, not a big product: stop rather than eat memory. */
const MAX_ITEM_CHARS = 8 * 1024 * 1024;
/** A `<` with no sensible tag after it this close to the end of what we have may just be cut mid-tag. */
const MAX_TAG_CHARS = 4096;

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)(?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*\s*(\/?)>/y;

type Markup =
  | { kind: 'start' | 'end' | 'empty'; name: string; end: number }
  | { kind: 'other'; end: number }
  | { kind: 'incomplete' }
  | { kind: 'text' };

/** What the `<` at `at` opens: a tag, a comment/CDATA/declaration to skip whole, or just a stray `<` in text. */
function readMarkup(buf: string, at: number, final: boolean): Markup {
  if (!final && buf.length - at < 9) return { kind: 'incomplete' };
  const skipTo = (open: string, close: string): Markup | undefined => {
    if (!buf.startsWith(open, at)) return undefined;
    const end = buf.indexOf(close, at + open.length);
    return end === -1 ? { kind: 'incomplete' } : { kind: 'other', end: end + close.length };
  };
  const skipped = skipTo('<!--', '-->') ?? skipTo('<![CDATA[', ']]>') ?? skipTo('<?', '?>') ?? skipTo('<!', '>');
  if (skipped) return skipped;
  TAG.lastIndex = at;
  const m = TAG.exec(buf);
  if (m) {
    const kind = m[1] ? 'end' : m[3] ? 'empty' : 'start';
    return { kind, name: m[2]!.replace(/^.*:/, '').toLowerCase(), end: TAG.lastIndex };
  }
  return !final && buf.length - at < MAX_TAG_CHARS ? { kind: 'incomplete' } : { kind: 'text' };
}

/**
 * Streams the product elements out of an XML feed one at a time, so a feed of any size is read in flat
 * memory; each element is parsed on its own afterwards. Comments and CDATA are skipped whole, so a
 * `</item>` inside a description does not end the item.
 */
export async function* splitXmlItems(text: AsyncIterable<string>): AsyncGenerator<XmlItem> {
  let buf = '';
  let pos = 0;
  let line = 1;
  let item: { start: number; line: number; name: string; depth: number } | undefined;

  const advance = (to: number) => {
    for (let i = buf.indexOf('\n', pos); i !== -1 && i < to; i = buf.indexOf('\n', i + 1)) line++;
    pos = to;
  };

  function* scan(final: boolean): Generator<XmlItem> {
    for (;;) {
      const lt = buf.indexOf('<', pos);
      if (lt === -1) {
        advance(buf.length);
        return;
      }
      advance(lt);
      const markup = readMarkup(buf, lt, final);
      if (markup.kind === 'incomplete') return;
      if (markup.kind === 'text' || markup.kind === 'other') {
        advance(markup.kind === 'text' ? lt + 1 : markup.end);
        continue;
      }
      if (!item) {
        if (markup.kind === 'start' && RECORD_ELEMENTS.has(markup.name)) item = { start: lt, line, name: markup.name, depth: 1 };
      } else if (markup.name === item.name && markup.kind !== 'empty') {
        item.depth += markup.kind === 'start' ? 1 : -1;
        if (item.depth === 0) {
          yield { xml: buf.slice(item.start, markup.end), line: item.line };
          item = undefined;
        }
      }
      advance(markup.end);
    }
  }

  const compact = () => {
    const keepFrom = item ? item.start : pos;
    buf = buf.slice(keepFrom);
    pos -= keepFrom;
    if (item) item.start = 0;
    if (item && buf.length > MAX_ITEM_CHARS) throw new FeedReadError(`an <${item.name}> longer than 8 MB: is the feed broken?`, item.line);
  };

  for await (const chunk of text) {
    buf += chunk;
    yield* scan(false);
    compact();
  }
  yield* scan(true);
  if (item) throw new FeedReadError(`the file ends inside the <${item.name}> that starts here`, item.line);
}
