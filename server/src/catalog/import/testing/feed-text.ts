import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { FeedRow } from '../feed-row.ts';

/** Text as a stream hands it out: in chunks of `size` characters, so parsers meet records cut anywhere. */
export async function* chunked(text: string, size = text.length || 1): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

export async function collect(rows: AsyncIterable<FeedRow>): Promise<FeedRow[]> {
  const out: FeedRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** Writes `content` to a fresh temp dir under `name`; removed after the test. */
export function tempFile(name: string, content: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'shoploop-feed-'));
  dirs.push(dir);
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
