import { test, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { version } from './version.ts';

test('the script version is the package version', () => {
  expect(version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
});
