import type { InValue } from '@libsql/client';
import { realisticBatch } from './support/realistic-batch.ts';
import { tempDb } from './support/temp-db.ts';

const INSERT = `INSERT INTO events (site_id, event_id, visitor_id, session_id, name, client_ts, received_at, url, referrer, time_zone, params)`;

function eventRows(total: number): InValue[][] {
  const rows: InValue[][] = [];
  for (let v = 0; rows.length < total; v++) {
    const b = realisticBatch('pk', v, 'http://shop');
    for (const e of b.events) rows.push(['s', e.id, b.vid, e.sid, e.name, e.ts, Date.now(), e.url, e.ref, b.tz, JSON.stringify(e.params)]);
  }
  return rows;
}

/**
 * The ceilings the collector is measured against: the same event rows, same table and indexes, written
 * straight to libSQL with no HTTP, 2,000 rows a transaction. `client`: @libsql/client multi-row INSERTs of 500
 * rows (the fastest client path in ../shared/perf-notes.md). `native`: what the collector's write path does
 * on a local file, one cached prepared single-row statement.
 */
export async function rawInsertRates(totalRows: number): Promise<{ client: number; native: number }> {
  const rows = eventRows(totalRows);
  const rates = { client: 0, native: 0 };
  for (const path of ['client', 'native'] as const) {
    const t = await tempDb(`raw-${path}`);
    await t.db.client.execute(`INSERT INTO sites (id, name, public_key, allowed_origins, created_at) VALUES ('s', 'bench', 'pk', '[]', 0)`);
    const started = performance.now();
    for (let tx = 0; tx < rows.length; tx += 2000) {
      const txRows = rows.slice(tx, tx + 2000);
      if (path === 'client') {
        const statements = [];
        for (let i = 0; i < txRows.length; i += 500) {
          const chunk = txRows.slice(i, i + 500);
          statements.push({ sql: `${INSERT} VALUES ${chunk.map(() => '(?,?,?,?,?,?,?,?,?,?,?)').join(',')} ON CONFLICT (site_id, event_id) DO NOTHING`, args: chunk.flat() });
        }
        await t.db.client.batch(statements, 'write');
      } else {
        await t.db.write.run(txRows.map((args) => ({ sql: `${INSERT} VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (site_id, event_id) DO NOTHING`, args })));
      }
    }
    rates[path] = rows.length / ((performance.now() - started) / 1000);
    t.remove();
  }
  return rates;
}
