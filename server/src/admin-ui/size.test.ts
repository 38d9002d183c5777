import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';

// The admin app as `npm run build:admin` writes it (npm test builds first, as for the widget's size test).
const dist = 'dist/admin';
/** everything the page loads, gzipped: Preact, uPlot and nine pages fit with room for what comes next */
const BUDGET = 80_000;

const page = () => {
  const file = join(dist, 'index.html');
  expect(existsSync(file), `${file} is missing: run npm run build:admin`).toBe(true);
  return readFileSync(file, 'utf8');
};

test(`the admin app's scripts and styles are at most ${BUDGET} bytes gzipped`, () => {
  const assets = [...page().matchAll(/(?:src|href)="\/admin\/assets\/([^"]+)"/g)].map((m) => m[1]!);
  expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
  const total = assets.reduce((sum, a) => sum + gzipSync(readFileSync(join(dist, 'assets', a)), { level: 9 }).length, 0);
  expect(total, `the admin app is ${total} bytes gzipped; the budget is ${BUDGET}`).toBeLessThanOrEqual(BUDGET);
});

test('the page has no inline script or style: it runs under script-src and style-src self', () => {
  const html = page();
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/<style|\sstyle=/);
});
