import { test, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { sizeBudgets } from './size-budgets.ts';

const tracker = 'dist/widget/shoploop.js';
const ui = 'dist/widget/shoploop-ui.js';
const push = 'dist/widget/shoploop-push.js';
const reviews = 'dist/widget/shoploop-reviews.js';
const product = 'dist/widget/shoploop-product.js';
const budgets = Object.entries(sizeBudgets).map(([file, bytes]) => [`dist/widget/${file}`, bytes] as const);

const read = (file: string) => {
  expect(existsSync(file), `${file} is missing: run npm run build`).toBe(true);
  return readFileSync(file);
};

test.each(budgets)('%s is at most %i bytes gzipped', (file, budget) => {
  const gzipped = gzipSync(read(file), { level: 9 }).length;
  expect(gzipped, `${file} is ${gzipped} bytes gzipped; the budget is ${budget}`).toBeLessThanOrEqual(budget);
});

test('the tracking script is a classic script whose import()s are the UI bundle and the product detector, with no debug code', () => {
  const code = read(tracker).toString();
  expect(code).not.toMatch(/\bimport\s*[{"'`*]|\bimport\s+\w|\bexport\s/); // no static import or export
  const imports = code.match(/\bimport\s*\([^)]*\)/g) ?? [];
  expect(imports).toHaveLength(2);
  // the folder of the script + the file
  expect(imports.find((i) => /ui\.js/.test(i))).toMatch(/^import\([\w.]+\+["'`]shoploop-ui\.js["'`]\)$/);
  expect(imports.find((i) => /product\.js/.test(i))).toMatch(/^import\([\w.]+\+["'`]shoploop-product\.js["'`]\)$/);
  expect(code).not.toContain('console.');
  expect(code).not.toMatch(/preact|workbox/i);
});

test('the UI bundle is an ES module whose imports are its push and reviews chunks (Preact is inside), exports showBlocks and push, has no debug code', () => {
  const code = read(ui).toString();
  expect(code).not.toMatch(/\bimport\s*[{"'`*]|\bfrom\s*["'`]/);
  expect(new Set(code.match(/\bimport\s*\([^)]*\)/g))).toEqual(new Set(['import(`./shoploop-push.js`)', 'import(`./shoploop-reviews.js`)']));
  expect(code).toMatch(/\bexport\s*\{[^}]*\b\w+ as showBlocks\b/);
  expect(code).toMatch(/\bexport\s*\{[^}]*\b\w+ as push\b/);
  expect(code).not.toContain('console.');
  expect(code).not.toMatch(/workbox/i);
});

test.each([push, reviews])('%s takes Preact from the UI bundle beside it and nothing else, has no debug code', (chunk) => {
  const code = read(chunk).toString();
  expect(code.match(/\bfrom\s*["'`][^"'`]*["'`]/g)).toEqual(['from"./shoploop-ui.js"']);
  expect(code).not.toMatch(/\bimport\s*\(/);
  expect(code).not.toContain('console.');
});

test('the product detector is an ES module that imports nothing and exports findProduct, with no debug code', () => {
  const code = read(product).toString();
  expect(code).not.toMatch(/\bimport\s*[({"'`*]|\bfrom\s*["'`]/);
  expect(code).toMatch(/\bexport\s*\{\s*\w+ as findProduct\s*\}/);
  expect(code).not.toContain('console.');
});
