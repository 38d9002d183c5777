import type { Client, InStatement } from '@libsql/client';
import { expect, test } from 'vitest';
import { freshDb } from '../../../test/helpers.ts';
import type { Db } from '../../db/client.ts';
import { eventsBetween, windowEvents, windowStart } from './load-events.ts';
import { ProductLookup } from './product-lookup.ts';

/** the database, with every statement the code under test runs kept for a look at its plan */
function recording(db: Db): { db: Db; statements: InStatement[] } {
  const statements: InStatement[] = [];
  const client = { execute: (s: InStatement) => (statements.push(s), db.client.execute(s)) } as unknown as Client;
  return { db: { ...db, client }, statements };
}

test('the models read the tables along a key: no sort, and never a whole site through the per-visitor index', async () => {
  const db = await freshDb();
  const r = recording(db);
  for await (const _ of windowEvents(r.db, 'site', { since: 0, maxEvents: 1000, pageSize: 100 }));
  await eventsBetween(r.db, 'site', 0, 100, 100);
  await new ProductLookup().load(r.db, 'site', 0);
  expect(r.statements).toHaveLength(5); // the product load also reads the site's origins, by key
  for (const s of r.statements) {
    const { sql, args } = typeof s === 'string' ? { sql: s, args: [] } : s;
    const plan = (await db.client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args })).rows.map((row) => String(row.detail)).join('; ');
    // a sort or the (site, visitor, seq) index means reading every row of the site on every page
    expect(plan, sql).not.toMatch(/TEMP B-TREE|events_site_visitor_idx/);
  }
});

test("the window's start, found in steps, leaves exactly the newest maxEvents learned events after it", async () => {
  const db = await freshDb();
  await db.client.execute(`INSERT INTO sites (id, name, public_key, allowed_origins, created_at) VALUES ('site', 's', 'pk', '[]', 0), ('other', 'o', 'pk2', '[]', 0)`);
  // learned views, interleaved with page views (not learned) and another site's views
  const row = (site: string, id: string, name: string) => `('${site}', '${id}', 'x', 's', '${name}', 0, 0, '{}')`;
  const rows = Array.from({ length: 10 }, (_, i) => [row('site', `v${i}`, 'view_item'), row('site', `p${i}`, 'page_view'), row('other', `o${i}`, 'view_item')]).flat();
  await db.client.execute(`INSERT INTO events (site_id, event_id, visitor_id, session_id, name, client_ts, received_at, params) VALUES ${rows.join(', ')}`);
  const learnedAfter = async (seq: number) =>
    (await db.client.execute({ sql: `SELECT event_id FROM events WHERE site_id = 'site' AND name = 'view_item' AND seq > ? ORDER BY seq`, args: [seq] })).rows.map((r) => String(r.event_id));
  const all = await learnedAfter(0);
  expect(all).toHaveLength(10);
  for (const maxEvents of [1, 3, 9, 10, 11, 25]) {
    for (const step of [1, 2, 4, 100]) {
      expect(await learnedAfter(await windowStart(db, 'site', maxEvents, step)), `maxEvents ${maxEvents}, step ${step}`).toEqual(all.slice(-maxEvents));
    }
  }
});
