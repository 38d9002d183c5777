import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { DataFileError, parseSessions, readSessionFile } from './read-sessions.ts';

test('reads session-rec TSV with its header', () => {
  const text = 'SessionId\tItemId\tTime\n1\t214536502\t1396860669.277\n1\t214536506\t1396860886.998\n';
  expect(parseSessions(text, 't.tsv')).toEqual([
    { sessionId: '1', itemId: '214536502', time: 1396860669.277 },
    { sessionId: '1', itemId: '214536506', time: 1396860886.998 },
  ]);
});

test('reads a CSV through a column mapping, ignoring other columns, with date strings as unix seconds', () => {
  const text = 'ts,visitor_id,price,sku\n2024-01-01T00:00:10Z,v1,"9,99",A-1\n';
  const clicks = parseSessions(text, 'shop.csv', { separator: ',', columns: { session: 'visitor_id', item: 'sku', time: 'ts' } });
  expect(clicks).toEqual([{ sessionId: 'v1', itemId: 'A-1', time: Date.UTC(2024, 0, 1, 0, 0, 10) / 1000 }]);
});

test('errors name the file and what is wrong', () => {
  expect(() => parseSessions('', 'empty.tsv')).toThrow(/empty.tsv: empty file/);
  expect(() => parseSessions('SessionId\tItem\tTime\n1\ta\t1\n', 'h.tsv')).toThrow(/no column "ItemId"/);
  expect(() => parseSessions('SessionId\tItemId\tTime\n1\ta\n', 'r.tsv')).toThrow(/row 2 lacks/);
  expect(() => parseSessions('SessionId\tItemId\tTime\n1\ta\tyesterday-ish\n', 't.tsv')).toThrow(/unreadable time/);
  expect(() => parseSessions('SessionId\tItemId\tTime\n', 'h.tsv')).toThrow(/no clicks/);
  expect(() => readSessionFile('/nonexistent/clicks.tsv')).toThrow(DataFileError);
});

test('reads from disk', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'shoploop-sessions-')), 'c.tsv');
  writeFileSync(path, 'SessionId\tItemId\tTime\ns\ti\t5\n');
  expect(readSessionFile(path)).toEqual([{ sessionId: 's', itemId: 'i', time: 5 }]);
});
