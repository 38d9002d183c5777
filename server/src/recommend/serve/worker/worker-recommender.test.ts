import { expect, test } from 'vitest';
import { batch, postCollect } from '../../../../test/helpers.ts';
import { systemClock } from '../../../clock.ts';
import { parseBatch } from '../../../collect/parse-batch.ts';
import { RecommendationService, type RecommendRequest } from '../recommendation-service.ts';
import type { Recommender } from '../recommender.ts';
import { cart, purchase, testShop, view, type Sku } from '../test-shop.ts';
import { requestScenarios } from '../scenarios.ts';
import { WorkerRecommender } from './worker-recommender.ts';

/** every scenario a page may ask for */
const SCENARIOS = requestScenarios;
const SKUS: Sku[] = ['m1', 'm2', 'm3', 'm4', 't1', 't2', 's1'];

/** every scenario for every visitor, on and off a product page: what each answers, without the random rec id */
async function answers(service: Recommender, siteId: string, visitors: string[]) {
  const out: unknown[] = [];
  for (const visitorId of visitors) {
    for (const scenario of SCENARIOS) {
      for (const item of [undefined, 'm1', 't2']) {
        if (scenario === 'similar' && !item) continue;
        const req: RecommendRequest = { siteId, visitorId, scenario, item, limit: 5, min: 1, person: { stage: 'potential', cart: [] } };
        const r = await service.recommend(req);
        out.push([visitorId, scenario, item, r.scenario, r.items.map((p) => p.itemId)]);
      }
    }
    out.push([visitorId, [...((await service.boughtBy(siteId, visitorId)) ?? new Map())]]);
  }
  return out;
}

/** one shop's models built from its table on this thread and on a worker, both on the system clock the worker keeps */
async function builtBothWays() {
  const t = await testShop();
  await t.seedHistory();
  const here = new RecommendationService(t.db, systemClock, { productRefreshMs: Infinity });
  const worker = new WorkerRecommender({ url: t.db.url, service: { productRefreshMs: Infinity } });
  const stop = async () => void (await Promise.all([here.stop(), worker.stop()]));
  try {
    await Promise.all([here.buildAll(), worker.buildAll()]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { t, here, worker, stop };
}

test('the models on a worker thread answer exactly as the same service on this thread: built, fed, rebuilt', async () => {
  const { t, here, worker, stop } = await builtBothWays();
  try {
    const visitors = ['a1', 'b1', 'c1', 'd1', 'nobody'];
    const built = await answers(here, t.site.id, visitors);
    expect(await answers(worker, t.site.id, visitors)).toEqual(built);
    expect(built.some((a) => Array.isArray(a) && Array.isArray(a[4]) && a[4].length > 1)).toBe(true); // real lists, not all empty

    // batches committed and ingested into both, as the writer does after each commit
    const feed = async (vid: string, events: ReturnType<typeof view>[]) => {
      const body = batch(events, { vid });
      expect((await postCollect(t.app, body)).status).toBe(200);
      for (const s of [here, worker]) s.ingest(t.site.id, vid, parseBatch(JSON.stringify(body)).events, t.clock.now());
    };
    await feed('e1', [view('s1'), view('m4'), cart('m4'), purchase('m4', 's1')]);
    for (const sku of SKUS) await feed(`f-${sku}`, [view(sku), view('m4')]);
    const learned = await answers(here, t.site.id, [...visitors, 'e1', 'f-m1']);
    expect(await answers(worker, t.site.id, [...visitors, 'e1', 'f-m1'])).toEqual(learned);
    expect(learned).not.toEqual(built.slice(0, learned.length)); // the new events changed answers

    // a rebuild in a second worker, with batches arriving while it builds; the old worker answers meanwhile
    const rebuilt = worker.rebuild(t.site.id);
    await feed('g1', [view('t1'), view('m4')]);
    expect(await answers(worker, t.site.id, ['g1'])).toEqual(await answers(here, t.site.id, ['g1']));
    await rebuilt;
    await feed('g2', [view('t1'), view('m3')]);
    const after = [...visitors, 'e1', 'g1', 'g2'];
    expect(await answers(worker, t.site.id, after)).toEqual(await answers(here, t.site.id, after));
  } finally {
    await stop();
  }
}, 60_000);

test('a worker that dies is replaced: answers go on, built afresh from the events table', async () => {
  const { t, here, worker, stop } = await builtBothWays();
  try {
    const before = await answers(worker, t.site.id, ['a1']);
    // what a crash does to the thread (reached past `private`: no production path ends it from outside)
    const thread = (worker as unknown as { active: { worker: { terminate(): Promise<number> }; exited: boolean } }).active;
    await thread.worker.terminate();
    await expect.poll(() => thread.exited).toBe(true);
    expect(await answers(worker, t.site.id, ['a1'])).toEqual(before);
    expect(await answers(worker, t.site.id, ['a1'])).toEqual(await answers(here, t.site.id, ['a1']));
  } finally {
    await stop();
  }
}, 60_000);
