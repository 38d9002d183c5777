import { expect, test } from 'vitest';
import { batch, postCollect } from '../../../test/helpers.ts';
import { parseBatch } from '../../collect/parse-batch.ts';
import { RecommendationService } from './recommendation-service.ts';
import { testShop, view } from './test-shop.ts';

test('a second instance learns what the first stored, once, and not again what it learned itself', async () => {
  const t = await testShop(); // instance one: its service ingests what its collector commits
  const other = new RecommendationService(t.db, t.clock, { productRefreshMs: Infinity });
  await other.model(t.site.id);

  // instance one stores three views of t2
  for (const vid of ['a', 'b', 'c']) await t.send(vid, [view('t2')]);
  // instance two stores two views of m1 and learns them as its writer commits them
  for (const vid of ['d', 'e']) {
    const body = batch([view('m1')], { vid });
    expect((await postCollect(t.app, body)).status).toBe(200);
    other.ingest(t.site.id, vid, parseBatch(JSON.stringify(body)).events, t.clock.now());
  }
  const popular = async () => (await other.recommend({ siteId: t.site.id, visitorId: 'x', scenario: 'popular', limit: 5, min: 1, person: { stage: 'potential', cart: [] } })).items.map((i) => i.itemId);
  expect(await popular()).toEqual(['m1']); // t2 is not known to instance two yet

  expect(await other.catchUp()).toBe(3);
  expect(await popular()).toEqual(['t2', 'm1']); // 3 views against 2: m1 was not learned twice
  expect(await other.catchUp()).toBe(0);
  // a catch-up read of the table's end also passes instance one's newer events
  await t.send('f', [view('m1')]);
  await t.send('g', [view('m1')]);
  expect(await other.catchUp()).toBe(2);
  expect(await popular()).toEqual(['m1', 't2']);
});
