import { expect, test } from 'vitest';
import { batch, postCollect } from '../../../test/helpers.ts';
import { parseBatch } from '../../collect/parse-batch.ts';
import type { PersonContext } from './person-context.ts';
import { RecommendationService } from './recommendation-service.ts';
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
