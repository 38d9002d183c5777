import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMigratedDb } from '../../server/src/db/client.ts';

export async function tempDb(label: string) {
  const dir = mkdtempSync(join(tmpdir(), `shoploop-bench-${label}-`));
  const url = `file:${join(dir, 'bench.db')}`;
  const db = await openMigratedDb(url);
  return { db, url, dir, remove: () => { db.close(); rmSync(dir, { recursive: true, force: true }); } };
}
