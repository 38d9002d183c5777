import { test, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const script = 'dist/widget/shoploop.js';
const budgetBytes = 3000;

test(`the tracking script is at most ${budgetBytes} bytes gzipped`, () => {
  expect(existsSync(script), `${script} is missing: run npm run build`).toBe(true);
  const gzipped = gzipSync(readFileSync(script), { level: 9 }).length;
  expect(gzipped, `${script} is ${gzipped} bytes gzipped; the budget is ${budgetBytes}`).toBeLessThanOrEqual(budgetBytes);
});

test('the tracking script is a self-contained classic script with no debug code', () => {
  expect(existsSync(script), `${script} is missing: run npm run build`).toBe(true);
  const code = readFileSync(script, 'utf8');
  expect(code).not.toMatch(/\bimport\s*[({"'`]|\bexport\s/);
  expect(code).not.toContain('console.');
  expect(code).not.toMatch(/preact|workbox/i);
});
