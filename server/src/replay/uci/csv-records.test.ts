import { describe, expect, test } from 'vitest';
import { csvRecords } from './csv-records.ts';

async function records(text: string, chunkSize = text.length || 1): Promise<string[][]> {
  async function* chunks() {
    for (let i = 0; i < text.length; i += chunkSize) yield text.slice(i, i + chunkSize);
  }
  const out: string[][] = [];
  for await (const r of csvRecords(chunks())) out.push(r);
  return out;
}

const sample = 'a,b,c\r\n536381,"AIRLINE LOUNGE,METAL SIGN",2\n536477,"RECORD FRAME 7"" SINGLE SIZE",\n\n"two\nlines",x,"" \n';
const expected = [
  ['a', 'b', 'c'],
  ['536381', 'AIRLINE LOUNGE,METAL SIGN', '2'],
  ['536477', 'RECORD FRAME 7" SINGLE SIZE', ''],
  ['two\nlines', 'x', ' '],
];

describe('csvRecords', () => {
  test('splits fields on commas outside quotes, unescapes "" and skips blank lines', async () => {
    expect(await records(sample)).toEqual(expected);
  });

  test('gives the same records however the text is chunked', async () => {
    for (const size of [1, 2, 3, 5, 7, 11]) expect(await records(sample, size)).toEqual(expected);
  });

  test('keeps a last record without a line end, and reads nothing from nothing', async () => {
    expect(await records('x,"y"')).toEqual([['x', 'y']]);
    expect(await records('x,y\r')).toEqual([['x', 'y']]);
    expect(await records('')).toEqual([]);
  });
});
