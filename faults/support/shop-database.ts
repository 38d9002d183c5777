import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMigratedDb, type Db } from '../../server/src/db/client.ts';
import { createSite } from '../../server/src/sites/sites.ts';

export const SHOP_ORIGIN = 'https://shop.example';
export const SITE_KEY = 'pk_faults';
export const SITE_ID = 'site_faults';

export interface ShopDatabase {
  /** the database file's path, and its libSQL url */
  file: string;
  url: string;
  /** the test's own connection to the file the servers use, for counting what is stored */
  db: Db;
  remove(): void;
}

/** A libSQL file built by the real migrations with one site for https://shop.example, in `dir` (a fresh temp folder by default). */
export async function shopDatabase(dir = mkdtempSync(join(tmpdir(), 'shoploop-faults-'))): Promise<ShopDatabase> {
  const file = join(dir, 'shop.db');
  const url = `file:${file}`;
  const db = await openMigratedDb(url);
  await createSite(db, { name: 'Faults shop', origins: [SHOP_ORIGIN], id: SITE_ID, publicKey: SITE_KEY }, Date.now());
  return {
    file,
    url,
    db,
    remove: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** How many times each event id is stored for the site. */
export async function storedCounts(db: Db): Promise<Map<string, number>> {
  const rs = await db.client.execute({ sql: 'SELECT event_id, count(*) AS n FROM events WHERE site_id = ? GROUP BY event_id', args: [SITE_ID] });
  return new Map(rs.rows.map((r) => [String(r.event_id), Number(r.n)]));
}
