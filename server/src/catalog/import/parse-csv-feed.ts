import { parse, type CsvError } from 'csv-parse';
import { pipeline, Readable } from 'node:stream';
import type { FeedRow, RawFields } from './feed-row.ts';

const candidates = [',', '\t', ';', '|'];

/** The candidate delimiter used most often outside quotes in the header line; a comma when none is. */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && candidates.includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const c of candidates) if ((counts.get(c) ?? 0) > (counts.get(best) ?? 0)) best = c;
  return best;
}

/** Reads chunks until the first line is complete, and hands back the text read plus the rest. */
async function peekFirstLine(text: AsyncIterable<string>): Promise<{ head: string; rest: AsyncIterator<string> }> {
  const rest = text[Symbol.asyncIterator]();
  let head = '';
  while (!head.includes('\n') && head.length < 64 * 1024) {
    const next = await rest.next();
    if (next.done) break;
    head += next.value;
  }
  return { head, rest };
}

async function* prepend(head: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  if (head) yield head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** What csv-parse hands out with `info` and `raw` on. */
interface ParsedRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

/** csv-parse reports the line a record ends on; a quoted field may span lines, so count back to its start. */
function startLine(parsed: ParsedRecord): number {
  const body = parsed.raw.replace(/^[\r\n]+/, '').replace(/[\r\n]+$/, '');
  let newlines = 0;
  for (const ch of body) if (ch === '\n') newlines++;
  return parsed.info.lines - newlines;
}

function fieldsOf(header: string[], values: string[]): RawFields {
  const fields: RawFields = {};
  header.forEach((name, i) => {
    if (fields[name] === undefined || fields[name] === '') fields[name] = values[i];
  });
  return fields;
}

/**
 * CSV or TSV with a header row; the delimiter (comma, tab, semicolon, pipe) is read off the header. A row with
 * more non-empty fields than the header, or with a broken quote, is one rejected row, not the end of the file.
 */
export async function* parseCsvFeed(text: AsyncIterable<string>): AsyncGenerator<FeedRow> {
  const { head, rest } = await peekFirstLine(text);
  const delimiter = sniffDelimiter(head.split('\n', 1)[0] ?? '');
  const skipped: Array<{ line: number; reason: string }> = [];
  const parser = parse({
    delimiter,
    bom: true,
    info: true,
    raw: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      const line = (err as (CsvError & { lines?: number }) | undefined)?.lines ?? 0;
      skipped.push({ line, reason: err?.message ?? 'unreadable CSV record' });
      return undefined;
    },
  });
  const records = pipeline(Readable.from(prepend(head, rest)), parser, () => {});
  let header: string[] | undefined;
  let row = 0;
  for await (const parsed of records as AsyncIterable<ParsedRecord>) {
    if (!header) {
      header = parsed.record.map((h) => h.trim());
      continue;
    }
    const line = startLine(parsed);
    // the parser reports skips as it meets them, ahead of the records still buffered: keep file order
    while (skipped.length && skipped[0]!.line < line) {
      const s = skipped.shift()!;
      yield { row: ++row, line: s.line, unreadable: s.reason };
    }
    const position = { row: ++row, line };
    const extra = parsed.record.slice(header.length).filter((v) => v.trim() !== '');
    if (extra.length > 0) {
      yield { ...position, unreadable: `${parsed.record.length} fields but the header has ${header.length} (a delimiter inside an unquoted value?)` };
      continue;
    }
    yield { ...position, fields: fieldsOf(header, parsed.record) };
  }
  for (const s of skipped) yield { row: ++row, line: s.line, unreadable: s.reason };
}
