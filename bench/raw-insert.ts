import type { InValue } from '@libsql/client';
import type { Db } from '../server/src/db/client.ts';
import { parseBatch } from '../server/src/collect/parse-batch.ts';
import { tempDb } from './support/temp-db.ts';
import { collectBody } from './wrk/collect-bodies.ts';

const INSERT = `INSERT INTO events (site_id, event_id, visitor_id, session_id, name, client_ts, received_at, url, referrer, time_zone, params)`;

/** The rows the collector stores for the bench's 5-event requests 1, 2, 3, … (bench/wrk/collect-bodies.ts), in that order. */
function eventRows(total: number): InValue[][] {
  const rows: InValue[][] = [];
  for (let n = 1; rows.length < total; n++) {
    const b = parseBatch(collectBody('raw', n, 5));
    for (const e of b.events) rows.push(['s', e.id, b.vid, e.sid, e.name, e.ts, Date.now(), e.url ?? null, e.ref ?? null, b.tz ?? null, JSON.stringify(e.params)]);
  }
  return rows;
}

const VALUES = '(?,?,?,?,?,?,?,?,?,?,?)';
const multiRow = (rows: InValue[][]) => ({ sql: `${INSERT} VALUES ${rows.map(() => VALUES).join(',')} ON CONFLICT (site_id, event_id) DO NOTHING`, args: rows.flat() });

/** How each raw path writes one transaction's rows. */
const paths = {
  /** @libsql/client multi-row INSERTs of 500 rows (the fastest client path in ../shared/perf-notes.md) */
  client: (db: Db, rows: InValue[][]) => db.client.batch(chunks(rows, 500).map(multiRow), 'write'),
  /** the native write path (db/write-path.ts), one cached prepared single-row statement */
  native: (db: Db, rows: InValue[][]) => db.write.run(rows.map((args) => ({ sql: `${INSERT} VALUES ${VALUES} ON CONFLICT (site_id, event_id) DO NOTHING`, args }))),
  /** the native write path with multi-row statements of 256 rows, as the collector's writer uses it */
  nativeMulti: (db: Db, rows: InValue[][]) => db.write.run(chunks(rows, 256).map(multiRow)),
};
export type RawPath = keyof typeof paths;

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * The ceilings the collector is measured against: the same event rows in the same order, same table and
 * indexes, written straight to libSQL with no HTTP, 2,000 rows a transaction, into a fresh database each time.
 * Each path runs `repeats` times; the median rate counts (a shared machine's hiccup hits one run, not three).
 * Also the CPU each row cost (µs), which other load on the machine moves far less than the rate.
 */
export async function rawInsertRates(totalRows: number, repeats = 1): Promise<Record<RawPath, number> & { cpuMicrosPerRow: Record<RawPath, number> }> {
  const rows = eventRows(totalRows);
  const result = { client: 0, native: 0, nativeMulti: 0, cpuMicrosPerRow: { client: 0, native: 0, nativeMulti: 0 } };
  for (const path of Object.keys(paths) as RawPath[]) {
    const runs: Array<{ rate: number; cpu: number }> = [];
    for (let r = 0; r < repeats; r++) {
      const t = await tempDb(`raw-${path}`);
      await t.db.client.execute(`INSERT INTO sites (id, name, public_key, allowed_origins, created_at) VALUES ('s', 'bench', 'pk', '[]', 0)`);
      const cpu = process.cpuUsage();
      const started = performance.now();
      for (let tx = 0; tx < rows.length; tx += 2000) await paths[path](t.db, rows.slice(tx, tx + 2000));
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      runs.push({ rate: rows.length / seconds, cpu: (used.user + used.system) / rows.length });
      t.remove();
    }
    runs.sort((a, b) => a.rate - b.rate);
    const median = runs[Math.floor(runs.length / 2)]!;
    result[path] = median.rate;
    result.cpuMicrosPerRow[path] = median.cpu;
  }
  return result;
}
