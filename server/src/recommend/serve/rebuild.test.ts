import type { Client, InStatement } from '@libsql/client';
import { expect, test } from 'vitest';
import { batch, postCollect } from '../../../test/helpers.ts';
import { parseBatch } from '../../collect/parse-batch.ts';
import type { PersonContext } from './person-context.ts';
import { RecommendationService } from './recommendation-service.ts';
import type { Db } from '../../db/client.ts';
import { testShop, view } from './test-shop.ts';

const DAY = 24 * 3600 * 1000;
const person: PersonContext = { stage: 'potential', cart: [] };

test('a rebuild drops the sessions that left the window; learning alone keeps them', async () => {
  const t = await testShop({ windowDays: 7 });
  for (const vid of ['a', 'b', 'c']) await t.send(vid, [view('m1'), view('m2')]);
  t.clock.advance(10 * DAY);
  await t.send('d', [view('t1'), view('t2')]);
  expect(t.service.stats(t.site.id)?.sessions).toBe(4);
  expect(await t.ids({ visitor: 'new', scenario: 'popular', limit: 5 })).toEqual(['m1', 'm2', 't1', 't2']);

  await t.service.rebuild(t.site.id);
  expect(t.service.stats(t.site.id)?.sessions).toBe(1);
  expect(await t.ids({ visitor: 'new', scenario: 'popular', limit: 5 })).toEqual(['t1', 't2']);
});

test('what is ingested while a rebuild reads the table is learned once, and the old model serves meanwhile', async () => {
  const t = await testShop();
  for (const vid of ['a', 'b', 'c']) await t.send(vid, [view('m1')]);
  const popular = async (service = t.service) =>
    (await service.recommend({ siteId: t.site.id, visitorId: 'x', scenario: 'popular', limit: 5, min: 1, person })).items.map((i) => i.itemId);

  // two views committed after the build's read has passed (so it never sees them) and ingested while it runs:
  // the old model learns them at once, the new one at the swap
  const late = ['d', 'e'].map((vid) => batch([view('t2')], { vid }));
  const rebuilt = t.service.rebuild(t.site.id);
  for (const body of late) t.service.ingest(t.site.id, body.vid, parseBatch(JSON.stringify(body)).events, t.clock.now());
  expect(await popular()).toEqual(['m1', 't2']);
  await rebuilt;
  expect(await popular()).toEqual(['m1', 't2']);

  // their rows reach the table; the next catch-up knows them already
  for (const body of late) expect((await postCollect(t.app, body)).status).toBe(200);
  expect(await t.service.catchUp()).toBe(0);
  // two more views of t2 make four against three: had t2's first two been learned twice, it would lead already
  await t.send('f', [view('t2')]);
  await t.send('g', [view('t2')]);
  expect(await popular()).toEqual(['t2', 'm1']);
  // and a fresh instance built from the table agrees
  const fresh = new RecommendationService(t.db, t.clock, { productRefreshMs: Infinity });
  expect(await popular(fresh)).toEqual(['t2', 'm1']);
});

test('events another instance stored are read by the rebuild, not by a catch-up running meanwhile', async () => {
  const t = await testShop();
  for (const vid of ['a', 'b']) await t.send(vid, [view('m1')]);
  // stored through the app's own collector (another instance's, for this service): committed, never ingested here
  for (const vid of ['x', 'y', 'z']) expect((await postCollect(t.app, batch([view('t2')], { vid }))).status).toBe(200);
  const rebuilt = t.service.rebuild(t.site.id);
  // a catch-up now would move the seq the build reads from
  expect(await t.service.catchUp()).toBe(0);
  await rebuilt;
  expect(await t.service.catchUp()).toBe(0);
  // each of the five visitors' views is in exactly one session of the model, and t2's three lead m1's two
  expect(t.service.stats(t.site.id)?.sessions).toBe(5);
  expect(await t.ids({ visitor: 'new', scenario: 'popular', limit: 5 })).toEqual(['t2', 'm1']);
});

/**
 * The database with `beforeRead` run (once, when set) just before the first page of events a build reads, or
 * with `read: 'catch-up'`, the first page a catch-up reads.
 */
function withReadHook(db: Db) {
  const hook: { beforeRead: (() => Promise<void>) | undefined; read: 'build' | 'catch-up' } = { beforeRead: undefined, read: 'build' };
  const pageOf = { build: 'WHERE +site_id = ? AND seq > ?', 'catch-up': 'WHERE seq > ? AND seq <= ?' };
  const execute = async (s: InStatement) => {
    const sql = typeof s === 'string' ? s : s.sql;
    const before = hook.beforeRead;
    if (before && sql.includes(pageOf[hook.read])) {
      hook.beforeRead = undefined;
      await before();
    }
    return db.client.execute(s);
  };
  return { db: { ...db, client: { ...db.client, execute } as unknown as Client }, hook };
}

/** Three views of t2 stored by another instance whose clock is five minutes slow (never "recent" to a build). */
async function slowInstanceViews(t: Awaited<ReturnType<typeof testShop>>, prefix: string) {
  const received = t.clock.now() - 5 * 60_000;
  for (const vid of ['x', 'y', 'z']) {
    await t.db.client.execute({
      sql: `INSERT INTO events (site_id, event_id, visitor_id, session_id, name, client_ts, received_at, params) VALUES (?, ?, ?, 's', 'view_item', ?, ?, ?)`,
      args: [t.site.id, `${prefix}-${vid}`, `${prefix}${vid}`, received, received, JSON.stringify({ items: [{ item_id: 't2', item_name: 'Black tee', price: 22 }] })],
    });
  }
}

test('a row another instance commits after the build began, stamped by a slow clock, is learned once', async () => {
  const t = await testShop();
  const { db, hook } = withReadHook(t.db);
  const service = new RecommendationService(db, t.clock, { productRefreshMs: Infinity });
  await service.model(t.site.id);
  for (const vid of ['a', 'b', 'c', 'd', 'e']) await t.send(vid, [view('m1')]);
  await t.send('w', [view('t2')]); // the catalog learns t2 from its first view
  await service.catchUp(); // the six views, from the table

  // three views of t2 committed after the build's snapshot and before its read, received "5 minutes ago"
  hook.beforeRead = () => slowInstanceViews(t, 'late');
  await service.rebuild(t.site.id);
  expect(hook.beforeRead).toBeUndefined(); // the rows went in between snapshot and read
  expect(await service.catchUp()).toBe(0); // the build read them; the catch-up must not learn them again
  const popular = (await service.recommend({ siteId: t.site.id, visitorId: 'new', scenario: 'popular', limit: 5, min: 1, person })).items.map((i) => i.itemId);
  expect(popular).toEqual(['m1', 't2']); // five against four; the three learned twice, t2 would lead
});

test('a rebuild that fails leaves nothing behind for the next one to learn twice', async () => {
  const t = await testShop();
  const { db, hook } = withReadHook(t.db);
  const service = new RecommendationService(db, t.clock, { productRefreshMs: Infinity });
  await service.model(t.site.id);
  const sendTo = async (vid: string) => {
    const body = batch([view('t2')], { vid });
    expect((await postCollect(t.app, body)).status).toBe(200);
    service.ingest(t.site.id, vid, parseBatch(JSON.stringify(body)).events, t.clock.now());
  };
  for (const vid of ['a', 'b', 'c']) {
    const body = batch([view('m1')], { vid });
    expect((await postCollect(t.app, body)).status).toBe(200);
    service.ingest(t.site.id, vid, parseBatch(JSON.stringify(body)).events, t.clock.now());
  }
  // two views of t2 arrive while a rebuild runs, and then its read fails
  hook.beforeRead = async () => {
    await sendTo('d');
    await sendTo('e');
    throw new Error('database is locked');
  };
  await expect(service.rebuild(t.site.id)).rejects.toThrow('database is locked');
  // a day later (the views are no longer "recent" to a build) the next rebuild reads them from the table
  t.clock.advance(DAY);
  await service.rebuild(t.site.id);
  const popular = (await service.recommend({ siteId: t.site.id, visitorId: 'new', scenario: 'popular', limit: 5, min: 1, person })).items.map((i) => i.itemId);
  expect(popular).toEqual(['m1', 't2']); // three against two; the failed build's buffer replayed would make it 3 : 4
});

test('a rebuild waits for a catch-up already reading, so the seq it reads from is its own', async () => {
  const t = await testShop();
  const { db, hook } = withReadHook(t.db);
  const service = new RecommendationService(db, t.clock, { productRefreshMs: Infinity, pageSize: 1 });
  await service.model(t.site.id);
  for (const vid of ['a', 'b', 'c', 'd', 'e']) await t.send(vid, [view('m1')]);
  await t.send('w', [view('t2')]);
  // while the catch-up reads the six views above one page at a time, a slow instance stores three more of t2
  // and the rebuild begins
  let rebuilt: Promise<unknown> | undefined;
  hook.read = 'catch-up';
  hook.beforeRead = async () => {
    await slowInstanceViews(t, 'mid');
    rebuilt = service.rebuild(t.site.id);
  };
  await service.catchUp();
  await rebuilt;
  expect(await service.catchUp()).toBe(0); // the build read the three; a catch-up must not bring them again
  const popular = (await service.recommend({ siteId: t.site.id, visitorId: 'new', scenario: 'popular', limit: 5, min: 1, person })).items.map((i) => i.itemId);
  expect(popular).toEqual(['m1', 't2']); // five against four
});
