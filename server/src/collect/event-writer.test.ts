import { describe, expect, test } from 'vitest';
import { freshDb } from '../../test/helpers.ts';
import { ManualClock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { createSite } from '../sites/sites.ts';
import { EventWriter } from './event-writer.ts';
import type { CollectBatch, CollectEvent } from './schema.ts';

const T0 = Date.UTC(2026, 10, 23, 12);
let seq = 0;
const ev = (name: CollectEvent['name'] = 'page_view', params: CollectEvent['params'] = {}, id = `e${++seq}`): CollectEvent => ({ id, name, ts: T0, sid: 's1', params });
const batchOf = (vid: string, events: CollectEvent[], extra: Partial<CollectBatch> = {}): CollectBatch => ({ site: 'pk', vid, events, ...extra });

async function setup() {
  const db = await freshDb();
  const clock = new ManualClock(T0);
  await createSite(db, { id: 'site_a', name: 'A', origins: ['https://a.example'], publicKey: 'pk_a' }, T0);
  await createSite(db, { id: 'site_b', name: 'B', origins: ['https://b.example'], publicKey: 'pk_b' }, T0);
  const heard: Array<{ siteId: string; vid: string; ids: string[] }> = [];
  const writer = new EventWriter(db, clock, { onCommitted: (siteId, vid, stored) => heard.push({ siteId, vid, ids: stored.map((e) => e.id) }) });
  return { db, clock, writer, heard };
}

const rows = async (db: Db, sql: string) => (await db.client.execute(sql)).rows.map((r) => ({ ...r }));
const count = async (db: Db, table: string) => Number((await db.client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);

describe('EventWriter', () => {
  test('requests written in one turn share a transaction; each learns what it stored', async () => {
    const { db, writer, heard } = await setup();
    const old = [ev(), ev(), ev()];
    await writer.write('site_a', batchOf('v1', old));
    heard.length = 0;

    const fresh = [ev(), ev()];
    const results = await Promise.all([
      writer.write('site_a', batchOf('v1', [old[0]!, fresh[0]!, old[1]!])), // a retry with one new event
      writer.write('site_a', batchOf('v2', [fresh[1]!])),
      writer.write('site_a', batchOf('v1', [old[2]!])), // all retried
      writer.write('site_b', batchOf('v1', [old[0]!])), // the same id on another site is another event
    ]);
    expect(results).toEqual([
      { stored: 1, duplicates: 2 },
      { stored: 1, duplicates: 0 },
      { stored: 0, duplicates: 1 },
      { stored: 1, duplicates: 0 },
    ]);
    expect(heard).toEqual([
      { siteId: 'site_a', vid: 'v1', ids: [fresh[0]!.id] },
      { siteId: 'site_a', vid: 'v2', ids: [fresh[1]!.id] },
      { siteId: 'site_b', vid: 'v1', ids: [old[0]!.id] },
    ]);
    expect(await count(db, 'events')).toBe(6);
  });

  test('the same event in two requests of one group is stored once, by the first', async () => {
    const { db, writer } = await setup();
    const shared = ev();
    const results = await Promise.all([1, 2, 3].map(() => writer.write('site_a', batchOf('v1', [shared]))));
    expect(results.map((r) => r.stored)).toEqual([1, 0, 0]);
    expect(await count(db, 'events')).toBe(1);
  });

  test('groups of any size: every chunk size, retries scattered over them', async () => {
    const { db, writer, heard } = await setup();
    const earlier = Array.from({ length: 150 }, () => ev());
    await writer.write('site_a', batchOf('v0', earlier));
    heard.length = 0;
    // 500 requests of 1–3 events, every fourth one carrying an event stored before
    const sent = Array.from({ length: 500 }, (_, i) => batchOf(`v${i % 37}`, [...(i % 4 === 0 ? [earlier[(i / 4) % 150]!] : []), ...Array.from({ length: 1 + (i % 3) }, () => ev())]));
    const results = await Promise.all(sent.map((b) => writer.write('site_a', b)));
    sent.forEach((b, i) => expect(results[i]).toEqual({ stored: b.events.length - (i % 4 === 0 ? 1 : 0), duplicates: i % 4 === 0 ? 1 : 0 }));
    const newIds = sent.flatMap((b, i) => b.events.slice(i % 4 === 0 ? 1 : 0).map((e) => e.id));
    expect(heard.flatMap((h) => h.ids)).toEqual(newIds);
    expect(await count(db, 'events')).toBe(150 + newIds.length);
    // stored in request order, each row as sent
    const stored = await rows(db, `SELECT event_id, visitor_id FROM events WHERE seq > 150 ORDER BY seq`);
    expect(stored.map((r) => r.event_id)).toEqual(newIds);
  });

  test('visitors and due marks are what committing each batch alone would leave', async () => {
    const batches = (): Array<[string, CollectBatch]> => [
      ['site_a', batchOf('v1', [ev('page_view', {}, 'x1')], { tz: 'Europe/London' })],
      ['site_a', batchOf('v2', [ev('page_view', {}, 'x2')])],
      ['site_a', batchOf('v1', [{ ...ev('page_view', {}, 'x3'), sid: 's2' }])], // new session, no time zone: keeps London
      ['site_b', batchOf('v1', [ev('page_view', {}, 'x4')], { tz: 'Europe/Paris' })],
      ['site_a', batchOf('v3', [ev('identify', { customer_id: 'c1' }, 'x5')])],
      ['site_a', batchOf('v3', [ev('page_view', {}, 'x6')])], // stays identified
      ['site_a', batchOf('v4', [ev('identify', { customer_id: 'c1' }, 'x7')])], // the same customer on another device
    ];
    const state = async (db: Db) => ({
      visitors: await rows(db, 'SELECT * FROM visitors ORDER BY site_id, visitor_id'),
      profiles: await rows(db, 'SELECT site_id, profile_id, touched, due_at, updated_at FROM profiles ORDER BY site_id, profile_id'),
      events: await rows(db, 'SELECT site_id, event_id, visitor_id, session_id, time_zone FROM events ORDER BY seq'),
    });
    const together = await setup();
    await Promise.all(batches().map(([site, b]) => together.writer.write(site, b)));
    const alone = await setup();
    for (const [site, b] of batches()) await alone.writer.write(site, b);
    expect(await state(together.db)).toEqual(await state(alone.db));
    expect((await state(together.db)).profiles.map((p) => [p.profile_id, p.touched])).toEqual([
      ['c:c1', 3],
      ['v:v1', 2],
      ['v:v2', 1],
      ['v:v1', 1],
    ]);
  });

  test('a visitor who identifies within a group is one person from its first batch on', async () => {
    const { db, writer } = await setup();
    await Promise.all([writer.write('site_a', batchOf('v9', [ev()])), writer.write('site_a', batchOf('v9', [ev('identify', { customer_id: 'c9' })]))]);
    expect(await rows(db, 'SELECT profile_id, touched FROM profiles')).toEqual([{ profile_id: 'c:c9', touched: 2 }]);
    expect(await rows(db, 'SELECT customer_id FROM visitors')).toEqual([{ customer_id: 'c9' }]);
  });

  test('a failed transaction fails every request of its group and stores nothing', async () => {
    const { db, writer } = await setup();
    const results = await Promise.allSettled([writer.write('site_a', batchOf('v1', [ev()])), writer.write('no_such_site', batchOf('v1', [ev()]))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await count(db, 'events')).toBe(0);
    expect(await writer.write('site_a', batchOf('v1', [ev()]))).toEqual({ stored: 1, duplicates: 0 }); // and goes on
  });
});
