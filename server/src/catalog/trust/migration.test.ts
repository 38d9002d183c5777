import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterEach, expect, test } from 'vitest';
import { migrateDb, migrationsFolder, openDb } from '../../db/client.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The migrations folder as it stood before `tag`: its journal cut there. */
function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'shoploop-migrations-'));
  dirs.push(dir);
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: Array<{ tag: string }> };
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === tag));
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

test('migration 0004 keeps what a feed said and empties what only events said', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shoploop-test-'));
  dirs.push(dir);
  const db = await openDb(`file:${join(dir, 'test.db')}`);
  try {
    await migrate(db.orm, { migrationsFolder: migrationsBefore('0004_catalog_trust') });
    await db.client.execute(`INSERT INTO sites (id, name, public_key, allowed_origins, created_at) VALUES ('s', 'shop', 'pk', '["https://shop.example"]', 0)`);
    // the feed said Mug at 4.5; then events renamed it and dropped the price; only events ever gave the brand
    await db.client.execute(`INSERT INTO products (site_id, item_id, name, price, brand, currency, first_seen_at, updated_at) VALUES ('s', 'p1', 'Forged', 0.5, 'Acme', 'GBP', 0, 0)`);
    await db.client.execute(`INSERT INTO product_changes (site_id, item_id, field, old_value, new_value, changed_at, source) VALUES
      ('s', 'p1', 'name', NULL, 'Mug', 1, 'feed'), ('s', 'p1', 'price', NULL, '4.5', 1, 'feed'), ('s', 'p1', 'currency', NULL, 'GBP', 1, 'feed'),
      ('s', 'p1', 'name', 'Mug', 'Forged', 2, 'event'), ('s', 'p1', 'price', '4.5', '0.5', 2, 'event'), ('s', 'p1', 'brand', NULL, 'Acme', 2, 'event')`);
    await migrateDb(db);
    const row = (await db.client.execute(`SELECT name, price, brand, currency FROM products WHERE item_id = 'p1'`)).rows[0]!;
    expect({ ...row }).toEqual({ name: 'Mug', price: 4.5, brand: null, currency: 'GBP' });
  } finally {
    db.close();
  }
});
