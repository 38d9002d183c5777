import type { InStatement, InValue } from '@libsql/client';
import type { Db } from '../server/src/db/client.ts';
import { evaluate } from '../server/src/lifecycle/evaluate.ts';
import { emptyFacts, foldEvent, type PersonFacts } from '../server/src/lifecycle/facts.ts';
import { visitorProfileId } from '../server/src/lifecycle/profile-ids.ts';
import { defaultLifecycleSettings, thresholdsOf } from '../server/src/lifecycle/settings.ts';
import { createSite } from '../server/src/sites/sites.ts';
import { KIND, makeCatalog, makeEvents, paramsOf, productRow, type ShopSize } from './recommendations-shop.ts';

export const SITE = { id: 'site_bench', publicKey: 'pk_bench', origin: 'https://shop.bench' };

/** multi-row INSERTs of `rowsPerStatement`, `statementsPerTx` to a transaction (../shared/perf-notes.md) */
async function insertRows(db: Db, head: string, columns: number, rows: Iterable<InValue[]>, rowsPerStatement = 500, statementsPerTx = 10) {
  const one = `(${Array.from({ length: columns }, () => '?').join(',')})`;
  let chunk: InValue[][] = [];
  let tx: InStatement[] = [];
  const flushChunk = () => {
    if (chunk.length > 0) tx.push({ sql: `${head} VALUES ${chunk.map(() => one).join(',')}`, args: chunk.flat() });
    chunk = [];
  };
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length === rowsPerStatement) flushChunk();
    if (tx.length === statementsPerTx) {
      await db.client.batch(tx, 'write');
      tx = [];
    }
  }
  flushChunk();
  if (tx.length > 0) await db.client.batch(tx, 'write');
}

/**
 * Loads the synthetic shop into a freshly migrated database: the site, the catalog (all in stock), the events
 * in receipt order (seq follows time), and a visitors and a profiles row per visitor with the stage the
 * lifecycle evaluator gives their folded facts at `now`, so `auto` and the route's two reads see real rows.
 * The events' per-visitor index is dropped during the load and rebuilt after it (same definition), which is
 * how a bulk load is done; the collector never pays that, it writes a few rows at a time.
 */
export async function seedShop(db: Db, size: ShopSize, now: number) {
  let started = performance.now();
  const catalog = makeCatalog(size.products);
  const log = makeEvents(catalog, size, now);
  const generateMs = performance.now() - started;

  started = performance.now();
  await createSite(db, { id: SITE.id, name: 'bench shop', origins: [SITE.origin], publicKey: SITE.publicKey }, now);
  await insertRows(
    db,
    'INSERT INTO products (site_id, item_id, name, price, currency, image, url, category, brand, availability, hidden, first_seen_at, updated_at)',
    13,
    (function* () {
      for (let p = 0; p < catalog.size; p++) yield productRow(catalog, p, SITE.id, now - size.days * 86_400_000);
    })(),
  );
  // the lifecycle's facts are folded from the same params objects as the rows are written
  const facts: Array<PersonFacts | undefined> = [];
  const counts = new Int32Array(size.visitors);
  const lastSession = new Int32Array(size.visitors);
  const index = await db.client.execute(`SELECT sql FROM sqlite_master WHERE name = 'events_site_visitor_idx'`);
  await db.client.execute('DROP INDEX events_site_visitor_idx');
  await insertRows(
    db,
    'INSERT INTO events (site_id, event_id, visitor_id, session_id, name, client_ts, received_at, url, referrer, time_zone, params)',
    11,
    (function* () {
      for (let i = 0; i < log.count; i++) {
        const t = log.time[i]!;
        const v = log.visitor[i]!;
        const name = KIND[log.kind[i]!]!;
        const sessionId = log.sessionIds[log.session[i]!]!;
        const params = paramsOf(catalog, log, i);
        foldEvent((facts[v] ??= emptyFacts(t)), { name, sessionId, receivedAt: t, params });
        counts[v]!++;
        lastSession[v] = log.session[i]!;
        const url = name === 'purchase' ? 'https://shop.bench/checkout/done' : params.items[0]!.url;
        yield [SITE.id, log.eventIds[i]!, log.visitorIds[v]!, sessionId, name, t - 150, t, url, null, 'Europe/London', JSON.stringify(params)];
      }
    })(),
  );
  await db.client.execute(String(index.rows[0]!.sql));

  // what the collector and the lifecycle scheduler would have left: a visitors row and a classified profile each
  const thresholds = thresholdsOf(defaultLifecycleSettings);
  const stages: Record<string, number> = {};
  const visitorRows: InValue[][] = [];
  const profileRows: InValue[][] = [];
  for (let v = 0; v < size.visitors; v++) {
    const f = facts[v];
    if (!f) continue;
    const id = log.visitorIds[v]!;
    visitorRows.push([SITE.id, id, null, f.firstSeenAt, f.lastEventAt, log.sessionIds[lastSession[v]!]!, 'Europe/London', counts[v]!]);
    const e = evaluate(f, thresholds, now);
    stages[e.stage] = (stages[e.stage] ?? 0) + 1;
    profileRows.push([SITE.id, visitorProfileId(id), e.stage, f.lastEventAt, e.rule, e.reason, JSON.stringify(f), log.count, 0, e.dueAt, now]);
  }
  await insertRows(db, 'INSERT INTO visitors (site_id, visitor_id, customer_id, first_seen_at, last_seen_at, last_session_id, time_zone, event_count)', 8, visitorRows);
  await insertRows(
    db,
    'INSERT INTO profiles (site_id, profile_id, stage, stage_since, rule, reason, facts, facts_seq, touched, due_at, updated_at)',
    11,
    profileRows,
  );
  const loadMs = performance.now() - started;
  const kinds: Record<string, number> = {};
  for (let i = 0; i < log.count; i++) kinds[KIND[log.kind[i]!]!] = (kinds[KIND[log.kind[i]!]!] ?? 0) + 1;
  return { catalog, visitorIds: log.visitorIds, events: log.count, sessions: log.sessionIds.length, kinds, stages, generateMs, loadMs };
}
