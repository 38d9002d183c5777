import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { freshDb } from '../../../test/helpers.ts';
import type { Db } from '../../db/client.ts';
import { createSite } from '../../sites/sites.ts';
import { CatalogImportError, importCatalogFile } from './import-file.ts';
import type { RejectedRow } from './import-report.ts';
import { tempFile } from './testing/feed-text.ts';

const T0 = Date.UTC(2026, 10, 23, 12);
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

async function shop() {
  const db = await freshDb();
  const site = await createSite(db, { name: 'Shop', origins: ['https://shop.example'], id: 'site_feed' }, T0);
  return { db, siteId: site.id };
}

async function products(db: Db) {
  const rs = await db.client.execute('SELECT item_id, name, price, currency, category, availability, url, image FROM products ORDER BY item_id');
  return rs.rows.map((r) => ({ ...r }));
}

async function changes(db: Db) {
  const rs = await db.client.execute('SELECT item_id, field, old_value, new_value, changed_at, source FROM product_changes WHERE old_value IS NOT NULL ORDER BY id');
  return rs.rows.map((r) => ({ ...r }));
}

const changeCount = async (db: Db) => Number((await db.client.execute('SELECT count(*) AS n FROM product_changes')).rows[0]!.n);

describe('each format', () => {
  test('Google Merchant XML: good items import, bad ones are reported with their line', async () => {
    const { db, siteId } = await shop();
    const report = await importCatalogFile(db, siteId, fixture('merchant.xml'), { baseUrl: 'http://localhost:8080', now: T0 });
    expect(report).toMatchObject({ format: 'xml', rowsRead: 4, created: 2, updated: 0, unchanged: 0, rejected: 2, ignoredFields: ['shipping'] });
    expect(report.firstRejected).toEqual([
      { row: 3, line: 31, itemId: 'LAMP-7', reason: 'price: "twelve pounds" is not a price like 12.50 or 12.50 GBP' },
      { row: 4, line: 37, reason: 'no item id (a value in item_id, id, sku)' },
    ]);
    expect(await products(db)).toEqual([
      { item_id: '00042', name: 'Tea Towel, "Retrospot" </item> edition', price: 6, currency: 'GBP', category: 'Towels', availability: 'out_of_stock', url: 'http://localhost:8080/product/00042', image: 'http://localhost:8080/images/00042.jpg' },
      { item_id: 'MUG-001', name: 'Enamel Mug & Saucer', price: 12.5, currency: 'GBP', category: 'Mugs', availability: 'in_stock', url: 'https://shop.example/product/MUG-001', image: 'https://shop.example/images/MUG-001.jpg' },
    ]);
  });

  test('CSV with plain column names', async () => {
    const { db, siteId } = await shop();
    const report = await importCatalogFile(db, siteId, fixture('products.csv'), { now: T0 });
    expect(report).toMatchObject({ format: 'csv', rowsRead: 3, created: 2, rejected: 1, ignoredFields: ['description'] });
    expect(report.firstRejected).toEqual([{ row: 3, line: 4, itemId: 'CUP-3', reason: 'Price: "-1" is negative; a price is 0 or more' }]);
    expect((await products(db)).map((p) => [p.item_id, p.name, p.price, p.availability])).toEqual([
      ['CUP-1', 'Espresso Cup', 4.5, 'in_stock'],
      ['CUP-2', 'Cup, large', 5, 'backorder'],
    ]);
  });

  test('JSON under "products", relative links resolved with the base URL', async () => {
    const { db, siteId } = await shop();
    const report = await importCatalogFile(db, siteId, fixture('products.json'), { baseUrl: 'http://localhost:8080', now: T0 });
    expect(report).toMatchObject({ format: 'json', rowsRead: 3, created: 2, rejected: 1, ignoredFields: ['popularity'] });
    expect(await products(db)).toEqual([
      { item_id: 'BAG-1', name: 'Jumbo Bag Red', price: 2.08, currency: 'GBP', category: 'Bags & Storage', availability: 'in_stock', url: 'http://localhost:8080/product/BAG-1', image: 'http://localhost:8080/images/BAG-1.svg' },
      { item_id: 'BAG-2', name: 'Jumbo Bag Pink', price: 2.08, currency: 'GBP', category: null, availability: 'out_of_stock', url: null, image: null },
    ]);
  });

  test('JSON Lines, gzipped, recognised by its first bytes', async () => {
    const { db, siteId } = await shop();
    const file = tempFile('feed.jsonl.gz', gzipSync('{"id":"A","price":"1 GBP"}\n{"id":"B","price":"2 GBP"}\n'));
    const report = await importCatalogFile(db, siteId, file, { now: T0 });
    expect(report).toMatchObject({ format: 'jsonl', rowsRead: 2, created: 2, rejected: 0 });
    const renamed = tempFile('feed.csv', gzipSync('id,price\nC,3 GBP\n'));
    expect(await importCatalogFile(db, siteId, renamed, { now: T0 })).toMatchObject({ created: 1 });
    expect((await products(db)).map((p) => p.item_id)).toEqual(['A', 'B', 'C']);
  });
});

describe('re-importing', () => {
  test('a price drop and a restock are recorded in product_changes with source feed', async () => {
    const { db, siteId } = await shop();
    await importCatalogFile(db, siteId, tempFile('a.csv', 'id,title,price,availability\nA,Mug,10.00 GBP,out of stock\nB,Cup,5.00 GBP,in stock\n'), { now: T0 });
    const later = T0 + 86_400_000;
    const report = await importCatalogFile(db, siteId, tempFile('b.csv', 'id,title,price,availability\nA,Mug,8.00 GBP,in stock\nB,Cup,5.00 GBP,in stock\n'), { now: later });
    expect(report).toMatchObject({ rowsRead: 2, created: 0, updated: 1, unchanged: 1, changes: 2 });
    expect(await changes(db)).toEqual([
      { item_id: 'A', field: 'price', old_value: '10', new_value: '8', changed_at: later, source: 'feed' },
      { item_id: 'A', field: 'availability', old_value: 'out_of_stock', new_value: 'in_stock', changed_at: later, source: 'feed' },
    ]);
  });

  test('an unchanged feed writes no change rows', async () => {
    const { db, siteId } = await shop();
    const first = await importCatalogFile(db, siteId, fixture('merchant.xml'), { baseUrl: 'http://localhost:8080', now: T0 });
    const before = await changeCount(db);
    expect(before).toBe(first.changes);
    const again = await importCatalogFile(db, siteId, fixture('merchant.xml'), { baseUrl: 'http://localhost:8080', now: T0 + 1000 });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, changes: 0 });
    expect(await changeCount(db)).toBe(before);
  });
});

describe('duplicates and chunks', () => {
  const feed = 'id,title,price\nA,First,1\nB,Bee,2\nC,Sea,3\nA,Last,4\n';

  test.each([500, 2])('the last row for an id wins and is reported (chunks of %i)', async (chunkSize) => {
    const { db, siteId } = await shop();
    const report = await importCatalogFile(db, siteId, tempFile('dup.csv', feed), { now: T0, chunkSize });
    expect(report).toMatchObject({ rowsRead: 4, created: 3, updated: 0, unchanged: 0, duplicates: 1, firstDuplicateIds: ['A'] });
    expect((await products(db)).map((p) => [p.item_id, p.name, p.price])).toEqual([
      ['A', 'Last', 4],
      ['B', 'Bee', 2],
      ['C', 'Sea', 3],
    ]);
  });

  test('progress is reported as chunks are written and ends at the whole file', async () => {
    const { db, siteId } = await shop();
    const rows = Array.from({ length: 10 }, (_, i) => `P${i},Product ${i},${i + 1}`).join('\n');
    const calls: Array<[number, number | undefined, number]> = [];
    await importCatalogFile(db, siteId, tempFile('p.csv', `id,title,price\n${rows}\n`), { now: T0, chunkSize: 3, onProgress: (...a) => calls.push(a) });
    expect(calls.length).toBeGreaterThanOrEqual(4);
    expect(calls.map((c) => c[0])).toEqual([...calls.map((c) => c[0])].sort((a, b) => a - b));
    expect(calls.at(-1)).toEqual([10, 10, 1]);
  });
});

describe('rejected rows', () => {
  test('every rejected row goes to onReject, the report keeps the first 20, the good rows import', async () => {
    const { db, siteId } = await shop();
    const bad = Array.from({ length: 25 }, (_, i) => `BAD${i},Broken,${i % 2 ? 'free' : '1 GBP'},${i % 2 ? 'in stock' : 'sometimes'}`);
    const file = tempFile('mixed.csv', ['id,title,price,availability', 'OK1,Fine,1 GBP,in stock', ...bad, 'OK2,Fine too,2 GBP,in stock'].join('\n'));
    const seen: RejectedRow[] = [];
    const report = await importCatalogFile(db, siteId, file, { now: T0, onReject: (r) => seen.push(r) });
    expect(report).toMatchObject({ rowsRead: 27, created: 2, rejected: 25 });
    expect(report.firstRejected).toHaveLength(20);
    expect(seen).toHaveLength(25);
    expect(seen[0]).toEqual({ row: 2, line: 3, itemId: 'BAD0', reason: 'availability: "sometimes" is not one of in stock, out of stock, preorder, backorder, discontinued' });
    expect(seen[1]).toEqual({ row: 3, line: 4, itemId: 'BAD1', reason: 'price: "free" is not a price like 12.50 or 12.50 GBP' });
    expect((await products(db)).map((p) => p.item_id)).toEqual(['OK1', 'OK2']);
  });
});

describe('errors', () => {
  test('an unknown site, format or base URL', async () => {
    const { db, siteId } = await shop();
    await expect(importCatalogFile(db, 'site_nope', fixture('products.csv'))).rejects.toThrow(new CatalogImportError('no site "site_nope"'));
    await expect(importCatalogFile(db, siteId, tempFile('feed.dat', 'x'))).rejects.toThrow(/cannot tell the format/);
    await expect(importCatalogFile(db, siteId, fixture('products.csv'), { baseUrl: '/relative' })).rejects.toThrow(/base URL "\/relative" is not an absolute/);
  });

  test('a missing file', async () => {
    const { db, siteId } = await shop();
    const error = await importCatalogFile(db, siteId, '/nonexistent/feed.csv').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogImportError);
    expect((error as Error).message).toMatch(/^cannot read \/nonexistent\/feed.csv: .*no such file/);
  });

  test.each(['feed.csv.gz', 'feed.xml.gz', 'feed.jsonl.gz'])('a corrupt gzip file (%s)', async (name) => {
    const { db, siteId } = await shop();
    const corrupt = Buffer.concat([gzipSync('id,title\nA,Mug\n'.repeat(2000)).subarray(0, 200), Buffer.from('not gzip at all')]);
    const error = await importCatalogFile(db, siteId, tempFile(name, corrupt)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogImportError);
    expect((error as Error).message).toMatch(/^cannot read .*feed\.\w+\.gz: /);
  });

  test('a file cut off part way keeps the chunks already written and says where it stopped', async () => {
    const { db, siteId } = await shop();
    const items = ['A', 'B', 'C'].map((id) => `<item><g:id>${id}</g:id><g:price>1 GBP</g:price></item>`).join('\n');
    const file = tempFile('cut.xml', `<rss><channel>\n${items}\n<item><g:id>D</g:id>`);
    const error = await importCatalogFile(db, siteId, file, { now: T0, chunkSize: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogImportError);
    expect((error as CatalogImportError).message).toBe('line 5: the file ends inside the <item> that starts here');
    expect((error as CatalogImportError).report).toMatchObject({ rowsRead: 3, created: 3 });
    expect((await products(db)).map((p) => p.item_id)).toEqual(['A', 'B', 'C']);
  });
});
