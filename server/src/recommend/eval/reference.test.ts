import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { Click } from '../types.ts';
import { predictionPoints } from './protocol.ts';
import { DataFileError } from './read-sessions.ts';
import { matchReference, parseReferenceFile, readReferenceDir } from './reference.ts';

const file = [
  'SessionId;Position;Recommendations;Scores',
  '7;0;b,x,c;1.0,0.5,0.2',
  '7;1;x,c;1.0,0.3',
  '',
].join('\n');

// session 7 clicks a, b, c in that order; its points are (0: a → b) and (1: a b → c)
const test7: Click[] = [
  { sessionId: '7', itemId: 'c', time: 30 },
  { sessionId: '7', itemId: 'a', time: 10 },
  { sessionId: '7', itemId: 'b', time: 20 },
];

test('parses session, position and the ranked list', () => {
  expect(parseReferenceFile(file, 'f.csv')).toEqual([
    { sessionId: '7', position: 0, items: ['b', 'x', 'c'] },
    { sessionId: '7', position: 1, items: ['x', 'c'] },
  ]);
});

test('Position p is matched to the point whose prefix holds p + 1 clicks', () => {
  const { points } = predictionPoints(test7, new Set(['a', 'b', 'c']));
  const matched = matchReference(points, [{ name: 'ar', lists: parseReferenceFile(file, 'f.csv') }]);
  expect(matched.points.map((p) => [p.position, p.prefix.join(''), p.target])).toEqual([
    [0, 'a', 'b'],
    [1, 'ab', 'c'],
  ]);
  // the list at position 0 ranks the true next item b first, the one at position 1 ranks c second
  const lists = matched.lists.get('ar') ?? [];
  expect(lists.map((list, i) => list.indexOf(matched.points[i]?.target ?? '') + 1)).toEqual([1, 2]);
});

test('only points every run covers are scored', () => {
  const { points } = predictionPoints(test7, new Set(['a', 'b', 'c']));
  const partial = parseReferenceFile(file, 'f.csv').slice(0, 1);
  const matched = matchReference(points, [
    { name: 'a', lists: parseReferenceFile(file, 'f.csv') },
    { name: 'b', lists: partial },
  ]);
  expect(matched.points.map((p) => p.position)).toEqual([0]);
});

test('a list for a point the test file does not have is an error, not a silent skip', () => {
  const { points } = predictionPoints(test7, new Set(['a', 'b', 'c']));
  const stray = parseReferenceFile(`${file}7;2;a;1.0\n`, 'f.csv');
  expect(() => matchReference(points, [{ name: 'sr', lists: stray }])).toThrow(/session 7 position 2/);
});

test('malformed reference files are rejected with the file name', () => {
  expect(() => parseReferenceFile('Session,Position\n1,0', 'bad.csv')).toThrow(DataFileError);
  expect(() => parseReferenceFile('SessionId;Position;Recommendations;Scores\n1;x;a;1', 'bad.csv')).toThrow(/bad.csv: line 2/);
});

test('reads recoms_*_<name>.csv files from a directory, named by the last part', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shoploop-ref-'));
  writeFileSync(join(dir, 'recoms_rsc15_100k_vsknn.csv'), file);
  writeFileSync(join(dir, 'example_next.yml.txt'), 'not a reference');
  expect(readReferenceDir(dir).map((run) => [run.name, run.lists.length])).toEqual([['vsknn', 2]]);
  expect(() => readReferenceDir(join(dir, 'missing'))).toThrow(/not found/);
});
