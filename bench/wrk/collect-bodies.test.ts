import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { parseBatch } from '../../server/src/collect/parse-batch.ts';
import { collectBody } from './collect-bodies.ts';

test('every bench body is a valid collector batch of the asked size', () => {
  for (const size of [1, 5, 10, 20]) {
    for (let n = 1; n <= 30; n++) expect(parseBatch(collectBody('r', n, size)).events).toHaveLength(size);
  }
});

test.skipIf(!existsSync('/usr/bin/wrk'))('collect.lua sends exactly the bodies collect-bodies.ts writes', async () => {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d)).on('end', () => {
      bodies.push(body);
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await promisify(execFile)('wrk', ['-t1', '-c1', '-d1s', '-s', 'bench/wrk/collect.lua', `http://127.0.0.1:${port}/v1/collect`, '--', 'x', '7']);
  server.close();
  expect(bodies.length).toBeGreaterThan(20);
  // wrk may build a request or two before it connects, so the first body received is request n, not 1
  const n = Number(/"id":"xt1-(\d+)-1"/.exec(bodies[0]!)?.[1]);
  expect(n).toBeLessThan(5);
  bodies.slice(0, 20).forEach((body, k) => expect(body).toBe(collectBody('xt1', n + k, 7)));
});
