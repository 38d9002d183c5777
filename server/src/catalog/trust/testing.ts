import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batch, event, postCollect } from '../../../test/helpers.ts';
import type { Db } from '../../db/client.ts';
import { importCatalogFile } from '../import/import-file.ts';

type App = Parameters<typeof postCollect>[0];

/** Imports these rows as a JSON feed file, through the real import (GA4 column names). */
export async function importFeed(db: Db, siteId: string, rows: Array<Record<string, unknown>>, now: number) {
  const dir = mkdtempSync(join(tmpdir(), 'shoploop-feed-'));
  try {
    const file = join(dir, 'feed.json');
    writeFileSync(file, JSON.stringify(rows));
    return await importCatalogFile(db, siteId, file, { now });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One product view, as each of these visitors' pages reports it (each its own event and batch). */
export async function viewFrom(app: App, visitors: string[], item: Record<string, unknown>): Promise<void> {
  for (const vid of visitors) {
    const res = await postCollect(app, batch([event('view_item', { items: [item] })], { vid }));
    if (res.status !== 200) throw new Error(`collect answered ${res.status}: ${await res.text()}`);
  }
}
