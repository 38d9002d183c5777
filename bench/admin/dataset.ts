import type { InStatement } from '@libsql/client';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rollupBackfill } from '../../server/src/admin/reports/rollups/backfill.ts';
import { migrationsFolder, openMigratedDb, type Db } from '../../server/src/db/client.ts';
import { evaluate } from '../../server/src/lifecycle/evaluate.ts';
import { emptyFacts, foldEvent, type PersonFacts } from '../../server/src/lifecycle/facts.ts';
import { seededRandom } from '../../server/src/lifecycle/models/numeric/random.ts';
import type { SeqEvent } from '../../server/src/lifecycle/person-events.ts';
import { defaultLifecycleSettings, thresholdsOf } from '../../server/src/lifecycle/settings.ts';
import type { Stage } from '../../server/src/lifecycle/stages.ts';
import { createSite } from '../../server/src/sites/sites.ts';

/**
 * The admin bench's data set: a shop's year of `people` visitors with about ten events each (1,000,000 and
 * 10,000,000 at full size), written straight into the real schema in large transactions. Each person's life is
 * replayed through the real fold and decision table (every visit evaluated a second after it, then whenever the
 * table says time alone may change the stage, as the scheduler would), which gives their stage changes and
 * facts; the report rollups are then built by migration 0009's own backfill from those rows, which builds what
 * the evaluation hook would have (rollups.test.ts holds the two equal) in one pass instead of millions of small
 * statements. Cached under the temp dir, keyed by the migration count, so a rerun opens it at once.
 */

export const SITE_ID = 'bench';
export const SITE_KEY = 'pk_bench';
const DAY = 86_400_000;
const MIN = 60_000;
/** bump when the generator changes what it writes */
const VERSION = 1;

export interface Dataset {
  url: string;
  /** the data set's "now": its last day ends here; the bench's clock stands still at it */
  now: number;
  people: number;
  events: number;
  buyers: number;
  transitions: number;
  /** of which migration 0009's backfill took */
  backfillMs: number;
  /** generation time in ms; 0 when read from the cache */
  generatedMs: number;
  /** the ids the pages' requests can name */
  sample: { visitorId: string; customerId: string; profileId: string };
}

export async function adminDataset(people: number, log: (line: string) => void = console.log): Promise<Dataset> {
  const migrations = readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).length;
  const dir = join(tmpdir(), 'shoploop-admin-bench');
  const name = `m${migrations}-v${VERSION}-p${people}`;
  const file = join(dir, `${name}.db`);
  const meta = join(dir, `${name}.json`);
  if (existsSync(file) && existsSync(meta)) return { ...(JSON.parse(readFileSync(meta, 'utf8')) as Dataset), generatedMs: 0 };
  mkdirSync(dir, { recursive: true });
  const partial = join(dir, `${name}.partial.db`);
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  const started = performance.now();
  const db = await openMigratedDb(`file:${partial}`);
  const now = Date.UTC(2026, 11, 1, 12);
  await createSite(db, { id: SITE_ID, name: 'Bench shop', origins: ['https://shop.example'], publicKey: SITE_KEY }, now - 400 * DAY);
  const counts = await generate(db, people, now, log);
  // everything into the main file before it is renamed: a WAL left behind would belong to the old name
  await db.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  for (const f of [`${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  renameSync(partial, file);
  const dataset: Dataset = { url: `file:${file}`, now, people, ...counts, generatedMs: performance.now() - started, sample: sampleIds(people) };
  writeFileSync(meta, JSON.stringify(dataset));
  return dataset;
}

const visitorId = (i: number) => `v${String(i).padStart(7, '0')}`;
const customerId = (i: number) => `cust-${i}`;
/** one person in 20 is an identified customer */
const isCustomer = (i: number) => i % 20 === 7;
const profileIdOf = (i: number) => (isCustomer(i) ? `c:${customerId(i)}` : `v:${visitorId(i)}`);
const sampleIds = (people: number) => ({ visitorId: visitorId(Math.floor(people / 2)), customerId: customerId(7), profileId: profileIdOf(7) });

interface Ev extends SeqEvent {
  eventId: string;
  url: string;
}

const PRODUCTS = 2000;
const SCENARIOS = ['similar', 'popular', 'for_you', 'cart'];
const EVENT_COLUMNS = ['seq', 'site_id', 'event_id', 'visitor_id', 'session_id', 'name', 'client_ts', 'received_at', 'url', 'referrer', 'time_zone', 'params'];

async function generate(db: Db, people: number, now: number, log: (line: string) => void) {
  const rng = seededRandom(42); // every run builds the same shop
  const thresholds = thresholdsOf(defaultLifecycleSettings);
  const daily = new Map<number, Record<Stage, number>>(); // stage count changes per day index
  let seq = 0;
  let events = 0;
  let buyers = 0;
  let transitions = 0;
  const CHUNK = 5000;
  const itemName = (k: number) => `Product ${k}`;
  for (let from = 0; from < people; from += CHUNK) {
    const eventRows: unknown[][] = [];
    const visitorRows: unknown[][] = [];
    const profileRows: unknown[][] = [];
    const transitionRows: unknown[][] = [];
    for (let i = from; i < Math.min(people, from + CHUNK); i++) {
      const vid = visitorId(i);
      const profileId = profileIdOf(i);
      const buyer = rng() < 0.3;
      const sessions = 1 + Math.min(11, Math.floor(Math.log(1 - rng()) / Math.log(0.45)));
      let at = now - 365 * DAY + Math.floor(rng() * (365 * DAY - 60 * MIN));
      let facts: PersonFacts | null = null;
      let stage: Stage | null = null;
      let stageSince = 0;
      let dueAt: number | null = null;
      let lastSession = '';
      let orders = 0;
      const evaluateAt = (t: number) => {
        const e = evaluate(facts!, thresholds, t);
        const changed = e.stage !== stage;
        if (changed) {
          transitionRows.push([SITE_ID, profileId, stage, e.stage, t, e.rule, e.reason]);
          const day = Math.floor(t / DAY);
          const d = daily.get(day) ?? daily.set(day, { potential: 0, here_and_now: 0, at_risk: 0, dormant: 0, loyal: 0 }).get(day)!;
          if (stage) d[stage]--;
          d[e.stage]++;
          transitions++;
          stage = e.stage;
          stageSince = t;
        }
        dueAt = e.dueAt;
      };
      for (let s = 0; s < sessions && at < now - 10 * MIN; s++) {
        // time alone moves the stage until this visit begins
        for (let n = 0; dueAt !== null && dueAt < at && n < 20; n++) evaluateAt(dueAt);
        const sid = `${vid}-s${s}`;
        lastSession = sid;
        const product = Math.floor(rng() ** 2 * PRODUCTS);
        const item = { item_id: `SKU-${product}`, item_name: itemName(product), price: 5 + (product % 95), quantity: 1 };
        const names: string[] = ['page_view'];
        if (s === 0 && isCustomer(i)) names.push('identify');
        for (let v = Math.floor(rng() * 3); v >= 0; v--) names.push('view_item', 'page_view');
        if (rng() < 0.5) names.push('rec_impression');
        if (rng() < 0.12) names.push('rec_click');
        const buys = buyer && rng() < 0.45;
        if (buys || rng() < 0.25) names.push('add_to_cart');
        if (buys || rng() < 0.1) names.push('begin_checkout');
        if (buys) names.push('purchase');
        const fresh: Ev[] = [];
        for (const name of names) {
          at += 20_000 + Math.floor(rng() * 60_000);
          const params: Record<string, unknown> =
            name === 'view_item' || name === 'add_to_cart' || name === 'begin_checkout'
              ? { items: [item], currency: 'EUR', value: item.price }
              : name === 'purchase'
                ? { transaction_id: `${vid}-o${orders++}`, value: item.price * (1 + Math.floor(rng() * 3)), currency: 'EUR', items: [item] }
                : name === 'rec_impression' || name === 'rec_click'
                  ? { rec_id: `r${seq}`, scenario: SCENARIOS[product % 4], items: [{ item_id: `SKU-${(product + 7) % PRODUCTS}` }] }
                  : name === 'identify'
                    ? { customer_id: customerId(i) }
                    : {};
          const ev: Ev = { seq: ++seq, visitorId: vid, eventId: `e${seq}`, name, sessionId: sid, receivedAt: at, url: `https://shop.example/p/${product}`, params };
          fresh.push(ev);
          facts = foldEvent(facts ?? emptyFacts(at), ev);
          eventRows.push([ev.seq, SITE_ID, ev.eventId, vid, sid, name, at, at, ev.url, null, 'Europe/Berlin', JSON.stringify(params)]);
        }
        events += fresh.length;
        evaluateAt(at + 1000); // the scheduler's look a second after the visit
        at += Math.floor(-Math.log(1 - rng()) * 25 * DAY); // the next visit
      }
      for (let n = 0; dueAt !== null && dueAt <= now && n < 20; n++) evaluateAt(dueAt);
      if (facts!.orders.length > 0) buyers++;
      const f = facts!;
      visitorRows.push([SITE_ID, vid, isCustomer(i) ? customerId(i) : null, f.firstSeenAt, f.lastEventAt, lastSession, 'Europe/Berlin', 0]);
      profileRows.push([SITE_ID, profileId, stage, stageSince, null, null, JSON.stringify(f), seq, 0, dueAt, null, now]);
    }
    await db.write.run([
      ...rows('events', EVENT_COLUMNS, eventRows),
      ...rows('visitors', ['site_id', 'visitor_id', 'customer_id', 'first_seen_at', 'last_seen_at', 'last_session_id', 'time_zone', 'event_count'], visitorRows),
      ...rows('profiles', ['site_id', 'profile_id', 'stage', 'stage_since', 'rule', 'reason', 'facts', 'facts_seq', 'touched', 'due_at', 'claim_until', 'updated_at'], profileRows),
      ...rows('stage_transitions', ['site_id', 'profile_id', 'from_stage', 'to_stage', 'at', 'rule', 'reason'], transitionRows),
    ]);
    if ((from / CHUNK) % 20 === 0) log(`  admin data set: ${(from + CHUNK).toLocaleString('en-US')} of ${people.toLocaleString('en-US')} people, ${events.toLocaleString('en-US')} events`);
  }
  await writeStageDaily(db, daily, now);
  const backfill = performance.now();
  await db.write.run(rollupBackfill());
  log(`  admin data set: rollups built by the migration's backfill in ${((performance.now() - backfill) / 1000).toFixed(1)} s`);
  // a fitted model as the daily refit would store it (BG/NBD in days, Gamma-Gamma): the CLV and P(alive) buckets
  const params = { bgNbd: { r: 0.243, alpha: 30.9, a: 0.793, b: 2.426 }, gammaGamma: { p: 6.25, q: 3.74, v: 15.44 }, rfmBreaks: null };
  await db.client.execute({ sql: `INSERT INTO buyer_models (site_id, fitted_at, repeat_buyers, params, note) VALUES (?, ?, 0, ?, 'bench')`, args: [SITE_ID, now, JSON.stringify(params)] });
  return { events, buyers, transitions, backfillMs: performance.now() - backfill };
}

/** End-of-day people per stage for each day of the year, as the maintenance's once-a-minute snapshot leaves them. */
async function writeStageDaily(db: Db, daily: Map<number, Record<Stage, number>>, now: number) {
  const running: Record<Stage, number> = { potential: 0, here_and_now: 0, at_risk: 0, dormant: 0, loyal: 0 };
  const out: unknown[][] = [];
  const first = Math.min(...daily.keys());
  for (let day = first; day <= Math.floor(now / DAY); day++) {
    for (const [stage, delta] of Object.entries(daily.get(day) ?? {})) running[stage as Stage] += delta;
    const iso = new Date(day * DAY).toISOString().slice(0, 10);
    for (const [stage, count] of Object.entries(running)) out.push([SITE_ID, iso, stage, count]);
  }
  await db.write.run(rows('stage_daily', ['site_id', 'day', 'stage', 'count'], out));
}

/** Multi-row inserts of 256, 128, … 1 rows: a handful of statement texts, each prepared once. */
function rows(table: string, columns: string[], list: unknown[][]): InStatement[] {
  const out: InStatement[] = [];
  const one = `(${columns.map(() => '?').join(',')})`;
  let i = 0;
  for (let size = 256; size >= 1; size /= 2) {
    for (; list.length - i >= size; i += size) {
      out.push({ sql: `INSERT INTO ${table} (${columns.join(',')}) VALUES ${Array.from({ length: size }, () => one).join(',')}`, args: list.slice(i, i + size).flat() as never });
    }
  }
  return out;
}
