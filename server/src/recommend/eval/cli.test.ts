import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parseCliArgs, UsageError } from './cli-args.ts';

const cli = join(import.meta.dirname, 'cli.ts');
const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8' });

test('parses the documented flags, including a column mapping and separator', () => {
  expect(parseCliArgs(['--train', 'a', '--test', 'b', '--json', '--limit-sessions', '5', '--columns', 'session=visitor_id,item=sku,time=ts', '--sep', ','])).toEqual({
    train: 'a',
    test: 'b',
    json: true,
    limitSessions: 5,
    model: 'shoploop',
    format: { separator: ',', columns: { session: 'visitor_id', item: 'sku', time: 'ts' } },
  });
  expect(() => parseCliArgs(['--train', 'a'])).toThrow(UsageError);
  expect(() => parseCliArgs(['--train', 'a', '--test', 'b', '--limit-sessions', '0'])).toThrow(/positive integer/);
  expect(() => parseCliArgs(['--train', 'a', '--test', 'b', '--columns', 'user=x'])).toThrow(/--columns/);
  expect(() => parseCliArgs(['--train', 'a', '--test', 'b', '--bogus'])).toThrow(UsageError);
  expect(() => parseCliArgs(['--train', 'a', '--test', 'b', '--model', 'gru4rec'])).toThrow(/--model/);
});

test('--json prints only the result object; a missing file is a one-line error with exit code 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shoploop-cli-'));
  const train = join(dir, 'train.csv');
  const testFile = join(dir, 'test.csv');
  writeFileSync(train, 'visitor_id,sku,ts\nv1,a,1\nv1,b,2\nv2,a,3\nv2,b,4\nv3,c,5\n');
  writeFileSync(testFile, 'visitor_id,sku,ts\nw1,a,10\nw1,b,11\nw1,zzz,12\n');
  const mapping = ['--columns', 'session=visitor_id,item=sku,time=ts', '--sep', ','];
  const ok = run(['--train', train, '--test', testFile, '--json', ...mapping]);
  expect(ok.status).toBe(0);
  const json = JSON.parse(ok.stdout);
  expect(Object.keys(json)).toEqual(['full']);
  expect(json.full.points).toBe(1); // zzz is unknown to training and removed
  expect(json.full.shoploop['HR@20']).toBe(1);
  expect(Object.keys(json.full.popularity)).toEqual(['HR@20', 'MRR@20', 'HR@10', 'MRR@10', 'coverage@20']);

  const missing = run(['--train', join(dir, 'nope.tsv'), '--test', testFile]);
  expect(missing.status).toBe(1);
  expect(missing.stderr).toMatch(/nope.tsv: file not found/);
  expect(missing.stdout).toBe('');
}, 30_000);
