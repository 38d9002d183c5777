import { describe, expect, test } from 'vitest';
import { parseCsvFeed, sniffDelimiter } from './parse-csv-feed.ts';
import { chunked, collect } from './testing/feed-text.ts';

const parse = (text: string, chunkSize?: number) => collect(parseCsvFeed(chunked(text, chunkSize)));

describe('sniffDelimiter', () => {
  test('picks the separator the header uses most, ignoring quoted ones', () => {
    expect(sniffDelimiter('id,title,price')).toBe(',');
    expect(sniffDelimiter('id\ttitle\tprice\t"a,b"')).toBe('\t');
    expect(sniffDelimiter('id;title;"x,y"')).toBe(';');
    expect(sniffDelimiter('id|title|price')).toBe('|');
    expect(sniffDelimiter('id')).toBe(',');
  });
});

describe('parseCsvFeed', () => {
  test('rows become header-keyed records with their line numbers', async () => {
    const rows = await parse('id,title,price\nA,Mug,4.50\nB,"Cup, large",5\n');
    expect(rows).toEqual([
      { row: 1, line: 2, fields: { id: 'A', title: 'Mug', price: '4.50' } },
      { row: 2, line: 3, fields: { id: 'B', title: 'Cup, large', price: '5' } },
    ]);
  });

  test('a tab-separated Merchant text feed with a BOM and CRLF lines', async () => {
    const rows = await parse('\uFEFFid\ttitle\tprice\r\nA\t12" Pan\t12.50 GBP\r\n');
    expect(rows).toEqual([{ row: 1, line: 2, fields: { id: 'A', title: '12" Pan', price: '12.50 GBP' } }]);
  });

  test('semicolons, as spreadsheets in decimal-comma locales write them', async () => {
    const rows = await parse('sku;name;price\nA;Mug;4,50\n');
    expect(rows).toEqual([{ row: 1, line: 2, fields: { sku: 'A', name: 'Mug', price: '4,50' } }]);
  });

  test('a record spanning lines reports the line it starts on, blank lines skipped; chunking does not matter', async () => {
    const text = 'id,title\n"A","Two\nlines"\n\nB,After\n';
    const expected = [
      { row: 1, line: 2, fields: { id: 'A', title: 'Two\nlines' } },
      { row: 2, line: 5, fields: { id: 'B', title: 'After' } },
    ];
    expect(await parse(text)).toEqual(expected);
    expect(await parse(text, 3)).toEqual(expected);
  });

  test('too many fields is one unreadable row; a short row keeps what it has', async () => {
    const rows = await parse('id,title,price\nA,Mug, large,4\nB,Cup\nC,Plate,3,\n');
    expect(rows).toEqual([
      { row: 1, line: 2, unreadable: expect.stringContaining('4 fields but the header has 3') },
      { row: 2, line: 3, fields: { id: 'B', title: 'Cup' } },
      { row: 3, line: 4, fields: { id: 'C', title: 'Plate', price: '3' } },
    ]);
  });

  test('an unclosed quote is reported as an unreadable row, not a crash', async () => {
    const rows = await parse('id,title\nA,Mug\nB,"Broken\n');
    expect(rows[0]).toEqual({ row: 1, line: 2, fields: { id: 'A', title: 'Mug' } });
    expect(rows[1]).toMatchObject({ unreadable: expect.stringMatching(/quote/i) });
  });

  test('an empty file has no rows', async () => {
    expect(await parse('')).toEqual([]);
    expect(await parse('id,title\n')).toEqual([]);
  });
});
