import { expect, test } from 'vitest';
import { ManualClock } from '../clock.ts';
import { openMigratedDb } from '../db/client.ts';
import { EventWriter } from '../collect/event-writer.ts';
import type { CollectBatch } from '../collect/schema.ts';
import { createSite } from '../sites/sites.ts';
import { freshDb } from '../../test/helpers.ts';
import type { EvaluatedPerson } from './evaluation-hook.ts';
import { emptyFacts, foldEvent, type PersonFacts } from './facts.ts';
import { FreshEvents } from './fresh-events.ts';
import { eventsOfVisitors } from './person-events.ts';
import { LifecycleScheduler } from './scheduler.ts';

const SITE = 'site_test';
let n = 0;
const ev = (name: string, params: Record<string, unknown> = {}, sid = 's1') => ({ id: `e${++n}`, name, ts: 1, sid, url: 'https://shop.example/', params });
const batchOf = (vid: string, ...events: ReturnType<typeof ev>[]) => ({ site: 'pk', vid, v: 't', events }) as unknown as CollectBatch;

/** one instance as app.ts wires it: the writer hands its stored events to the scheduler's fold */
async function instance(db: Awaited<ReturnType<typeof freshDb>>, clock: ManualClock) {
  if ((await db.client.execute({ sql: 'SELECT 1 FROM sites WHERE id = ?', args: [SITE] })).rows.length === 0) {
    await createSite(db, { name: 'Test shop', origins: ['https://shop.example'], id: SITE, publicKey: 'pk' }, clock.now());
  }
  const fresh = new FreshEvents();
  const seen: EvaluatedPerson[] = [];
  const writer = new EventWriter(db, clock, { onSequenced: (siteId, vid, events, at) => fresh.add(siteId, vid, events, at) });
  const scheduler = new LifecycleScheduler(db, clock, { fresh, onEvaluated: { forSite: async () => (p) => (seen.push(p), []) } });
  return { fresh, writer, scheduler, seen };
}

async function storedFacts(db: Awaited<ReturnType<typeof freshDb>>, profileId: string) {
  const rs = await db.client.execute({ sql: 'SELECT facts, facts_seq FROM profiles WHERE profile_id = ?', args: [profileId] });
  return { facts: JSON.parse(String(rs.rows[0]!.facts)) as PersonFacts, factsSeq: Number(rs.rows[0]!.facts_seq) };
}

/** what the scheduler folded before this change: every stored event of the visitor, read back from the table */
async function foldedFromTable(db: Awaited<ReturnType<typeof freshDb>>, visitorId: string) {
  const events = await eventsOfVisitors(db, SITE, [visitorId], 0);
  let facts: PersonFacts | null = null;
  for (const e of events) facts = foldEvent(facts ?? emptyFacts(e.receivedAt), e);
  return { facts, factsSeq: Math.max(...events.map((e) => e.seq)), seqs: events.map((e) => e.seq) };
}

test('the scheduler folds what this instance just stored from memory: the same facts, seqs and hook events as a read', async () => {
  const db = await freshDb();
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 12));
  const a = await instance(db, clock);
  const item = { item_id: 'SKU-1', quantity: 2 };
  const purchase = ev('purchase', { transaction_id: 'o1', value: 12, items: [item] });
  await Promise.all([
    a.writer.write(SITE, batchOf('v1', ev('page_view'), ev('add_to_cart', { items: [item] }))),
    a.writer.write(SITE, batchOf('v2', ev('view_item', { items: [{ item_id: 'SKU-2' }] }))),
    a.writer.write(SITE, batchOf('v1', ev('begin_checkout'), purchase)),
  ]);
  expect(a.fresh.heldEvents).toBe(5);
  expect((await a.scheduler.runDue()).evaluated).toBe(2);
  expect(a.fresh.heldEvents).toBe(0);
  // the very objects the writer stored, not rows read back and parsed again
  expect(a.seen.find((p) => p.profileId === 'v:v1')!.newEvents[3]!.params).toBe(purchase.params);
  for (const vid of ['v1', 'v2']) {
    const read = await foldedFromTable(db, vid);
    expect(await storedFacts(db, `v:${vid}`)).toEqual({ facts: read.facts, factsSeq: read.factsSeq });
    expect(a.seen.find((p) => p.profileId === `v:${vid}`)!.newEvents.map((e) => e.seq)).toEqual(read.seqs);
  }
  expect(a.seen.find((p) => p.profileId === 'v:v1')!.newEvents.map((e) => [e.name, e.visitorId, e.params.transaction_id])).toEqual([
    ['page_view', 'v1', undefined],
    ['add_to_cart', 'v1', undefined],
    ['begin_checkout', 'v1', undefined],
    ['purchase', 'v1', 'o1'],
  ]);

  // later events fold onto the stored facts; time alone reads nothing and folds nothing
  await a.writer.write(SITE, batchOf('v1', ev('view_item', { items: [{ item_id: 'SKU-3' }] }, 's2')));
  clock.advance(1000);
  await a.scheduler.runDue();
  expect((await storedFacts(db, 'v:v1')).facts).toEqual((await foldedFromTable(db, 'v1')).facts);
  a.seen.length = 0;
  clock.advance(31 * 60_000);
  await a.scheduler.runDue();
  expect(a.seen.map((p) => [p.profileId, p.newEvents.length])).toEqual([['v:v1', 0], ['v:v2', 0]]);
});

test('events another instance stored are not in memory here: the count differs and the scheduler reads the table', async () => {
  const db = await freshDb();
  const otherDb = await openMigratedDb(db.url);
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 12));
  const a = await instance(db, clock);
  const b = await instance(otherDb, clock);
  await a.writer.write(SITE, batchOf('v1', ev('add_to_cart', { items: [{ item_id: 'A' }] })));
  await b.writer.write(SITE, batchOf('v1', ev('add_to_cart', { items: [{ item_id: 'B' }] })));
  await a.writer.write(SITE, batchOf('v1', ev('add_to_cart', { items: [{ item_id: 'C' }] })));
  await a.scheduler.runDue();
  otherDb.close();
  expect((await storedFacts(db, 'v:v1')).facts.cart).toEqual({ A: 1, B: 1, C: 1 });
  expect(a.seen[0]!.newEvents.map((e) => e.params.items?.[0]?.item_id)).toEqual(['A', 'B', 'C']);
  expect(a.fresh.heldEvents).toBe(0);
});

test('take hands over only an exact match, lets go of what the evaluation covers, and holds a bounded number', () => {
  const fresh = new FreshEvents(5);
  const e = (seq: number) => ({ seq, event: { name: 'page_view', sid: 's', params: {} } });
  fresh.add('s', 'v1', [e(3), e(4)], 10);
  fresh.add('s', 'v1', [e(9)], 11);
  expect(fresh.take('s', 'v1', 2, 3, 4)).toBeUndefined(); // the claim counted 3 up to seq 4: one is missing here
  expect(fresh.heldEvents).toBe(1); // 3 and 4 let go, 9 kept for a later evaluation
  expect(fresh.take('s', 'v1', 4, 1, 9)?.map((x) => [x.seq, x.receivedAt])).toEqual([[9, 11]]);
  expect(fresh.heldEvents).toBe(0);
  fresh.add('s', 'v1', [e(20), e(21), e(22)], 1);
  fresh.add('s', 'v2', [e(23), e(24), e(25)], 1);
  expect(fresh.heldEvents).toBe(3); // over the bound: the visitor added first is let go
  expect(fresh.take('s', 'v1', 0, 3, 22)).toBeUndefined();
  expect(fresh.take('s', 'v2', 0, 3, 25)?.length).toBe(3);
});

test('events nobody takes are let go after five minutes (a customer is read from the table; an erased visitor must not linger)', () => {
  const fresh = new FreshEvents();
  const ev = (seq: number) => ({ seq, event: { name: 'page_view', sid: 's', params: {} } });
  fresh.add('site', 'never-taken', [ev(1), ev(2)], 0);
  fresh.add('site', 'recent', [ev(3)], 4 * 60_000);
  expect(fresh.heldEvents).toBe(3);
  fresh.add('site', 'later', [ev(4)], 5 * 60_000 + 1);
  expect(fresh.heldEvents).toBe(2); // the first visitor's events went; the recent ones stay
  expect(fresh.take('site', 'recent', 0, 1, 3)).toHaveLength(1);
});
