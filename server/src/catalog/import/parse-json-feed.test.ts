import { describe, expect, test } from 'vitest';
import { FeedReadError } from './feed-row.ts';
import { linesOf, parseJsonFeed, parseJsonLinesFeed } from './parse-json-feed.ts';
import { chunked, collect } from './testing/feed-text.ts';

describe('parseJsonFeed', () => {
  test('an array of products, each with its row number and the feed size', async () => {
    const rows = await collect(parseJsonFeed(chunked('[{"item_id":"A","price":4.5},{"item_id":"B"}]', 5)));
    expect(rows).toEqual([
      { row: 1, rowsInFeed: 2, fields: { item_id: 'A', price: 4.5 } },
      { row: 2, rowsInFeed: 2, fields: { item_id: 'B' } },
    ]);
  });

  test.each(['products', 'items', 'Products'])('the array under "%s"', async (key) => {
    const rows = await collect(parseJsonFeed(chunked(JSON.stringify({ shop: 'x', [key]: [{ id: 'A' }] }))));
    expect(rows).toEqual([{ row: 1, rowsInFeed: 1, fields: { id: 'A' } }]);
  });

  test('an element that is not an object is an unreadable row', async () => {
    const rows = await collect(parseJsonFeed(chunked('[{"id":"A"}, "B", null]')));
    expect(rows.map((r) => ('unreadable' in r ? r.unreadable : 'ok'))).toEqual(['ok', 'not a JSON object', 'not a JSON object']);
  });

  test('broken JSON or the wrong shape stops the file with a reason', async () => {
    await expect(collect(parseJsonFeed(chunked('[{"id":')))).rejects.toThrow(FeedReadError);
    await expect(collect(parseJsonFeed(chunked('[{"id":')))).rejects.toThrow(/not valid JSON/);
    await expect(collect(parseJsonFeed(chunked('{"data":[]}')))).rejects.toThrow(/"products" or "items"/);
  });
});

describe('parseJsonLinesFeed', () => {
  test('one object per line; blank lines skipped, a bad line rejected with its line number', async () => {
    const text = '{"id":"A"}\n\n{"id":\n{"id":"C"}\r\n[1]';
    const rows = await collect(parseJsonLinesFeed(chunked(text, 4)));
    expect(rows).toEqual([
      { row: 1, line: 1, fields: { id: 'A' } },
      { row: 2, line: 3, unreadable: expect.stringContaining('not valid JSON') },
      { row: 3, line: 4, fields: { id: 'C' } },
      { row: 4, line: 5, unreadable: 'not a JSON object' },
    ]);
  });

  test('linesOf numbers lines across chunk boundaries', async () => {
    const lines = [];
    for await (const l of linesOf(chunked('a\nbb\n\nccc', 2))) lines.push(l);
    expect(lines).toEqual([
      { number: 1, text: 'a' },
      { number: 2, text: 'bb' },
      { number: 3, text: '' },
      { number: 4, text: 'ccc' },
    ]);
  });
});
