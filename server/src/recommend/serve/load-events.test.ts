import type { Client, InStatement } from '@libsql/client';
import { expect, test } from 'vitest';
import { freshDb } from '../../../test/helpers.ts';
import type { Db } from '../../db/client.ts';
import { eventsBetween, recentEvents } from './load-events.ts';
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
  for await (const _ of recentEvents(r.db, 'site', { since: 0, maxEvents: 1000, pageSize: 100 }));
  await eventsBetween(r.db, 'site', 0, 100, 100);
  await new ProductLookup().load(r.db, 'site', 0);
  expect(r.statements).toHaveLength(4);
  for (const s of r.statements) {
    const { sql, args } = typeof s === 'string' ? { sql: s, args: [] } : s;
    const plan = (await db.client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args })).rows.map((row) => String(row.detail)).join('; ');
    // a sort or the (site, visitor, seq) index means reading every row of the site on every page
    expect(plan, sql).not.toMatch(/TEMP B-TREE|events_site_visitor_idx/);
  }
});
