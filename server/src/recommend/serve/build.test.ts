import { describe, expect, test } from 'vitest';
import { parseBatch } from '../../collect/parse-batch.ts';
import { batch } from '../../../test/helpers.ts';
import { RecommendationService } from './recommendation-service.ts';
import { cart, testShop, view } from './test-shop.ts';
import type { PersonContext } from './person-context.ts';

const DAY = 24 * 3600 * 1000;
const nobody: PersonContext = { stage: 'potential', cart: [] };

describe('building from the events table', () => {
  test('a model built from the table answers exactly like the one fed by ingest', async () => {
    const t = await testShop();
    await t.seedHistory();
    await t.send('me', [view('m2'), view('t2'), cart('s1')]);
    const rebuilt = new RecommendationService(t.db, t.clock);
    const requests = [
      { scenario: 'popular', visitorId: 'new' },
      { scenario: 'popular', visitorId: 'new', category: 'mugs' },
      { scenario: 'similar', visitorId: 'new', item: 'm1' },
      { scenario: 'also-bought', visitorId: 'me' },
      { scenario: 'also-bought', visitorId: 'new', item: 'm1' },
      { scenario: 'for-you', visitorId: 'me' },
      { scenario: 'recently-viewed', visitorId: 'me' },
    ] as const;
    let compared = 0;
    for (const r of requests) {
      const req = { siteId: t.site.id, limit: 50, min: 1, person: nobody, ...r };
      const live = await t.service.recommend(req);
      const built = await rebuilt.recommend(req);
      expect(built.items, r.scenario).toEqual(live.items);
      compared += live.items.length;
    }
    expect(compared).toBeGreaterThan(20);
    expect(rebuilt.stats(t.site.id)).toEqual(t.service.stats(t.site.id));
  });

  test('the window: events older than windowDays, or beyond the newest maxEvents, are not read', async () => {
    const t = await testShop();
    await t.send('old', [view('m1'), view('m1'), view('m1')]);
    t.clock.advance(10 * DAY);
    await t.send('new', [view('t1'), view('t1')]);
    const popular = async (s: RecommendationService) =>
      (await s.recommend({ siteId: t.site.id, visitorId: 'x', scenario: 'popular', limit: 5, min: 1, person: nobody })).items.map((p) => p.itemId);
    // both read; m1's three views are ten days older than t1's two, and popularity halves every 7 days
    expect(await popular(new RecommendationService(t.db, t.clock, { windowDays: 30 }))).toEqual(['t1', 'm1']);
    expect(await popular(new RecommendationService(t.db, t.clock, { windowDays: 30, popularityHalfLife: 30 * 24 * 3600 }))).toEqual(['m1', 't1']);
    // m1 is still in the catalog but nothing recent mentions it, so it is not popular
    expect(await popular(new RecommendationService(t.db, t.clock, { windowDays: 5 }))).toEqual(['t1']);
    expect(await popular(new RecommendationService(t.db, t.clock, { maxEvents: 2 }))).toEqual(['t1']);
    expect(await popular(new RecommendationService(t.db, t.clock, { maxEvents: 3 }))).toEqual(['t1', 'm1']);
  });

  test('reads in pages: a page size of 1 gives the same model', async () => {
    const t = await testShop();
    await t.seedHistory();
    const paged = new RecommendationService(t.db, t.clock, { pageSize: 1 });
    await paged.model(t.site.id);
    expect(paged.stats(t.site.id)).toEqual(t.service.stats(t.site.id));
  });

  test('batches ingested while a build reads the table are learned once', async () => {
    const t = await testShop();
    await t.send('me', [cart('m1')], 'sA');
    const service = new RecommendationService(t.db, t.clock);
    const building = service.model(t.site.id);
    // the batch the build will also read, ingested late, and one committed after the build's read
    const late = parseBatch(JSON.stringify(batch([cart('m1')].map((e) => ({ ...e, sid: 'sA' })), { vid: 'me' })));
    const stored = (await t.db.client.execute("SELECT event_id FROM events WHERE visitor_id = 'me'")).rows[0]!.event_id;
    service.ingest(t.site.id, 'me', [{ ...late.events[0]!, id: String(stored) }], t.clock.now());
    service.ingest(t.site.id, 'me', [late.events[0]!], t.clock.now());
    const model = await building;
    expect(model.visitors.peek('me')?.cart.get('m1')).toBe(2);
    expect(model.visitors.peek('me')?.sessionItems).toEqual(['m1', 'm1']);
  });

  test('a site without a model skips ingest; its first request builds it from the table', async () => {
    const t = await testShop();
    await t.send('me', [view('m1')]);
    const service = new RecommendationService(t.db, t.clock);
    service.ingest(t.site.id, 'me', parseBatch(JSON.stringify(batch([view('t1')], { vid: 'me' }))).events, t.clock.now());
    expect(service.stats(t.site.id)).toBeUndefined();
    const r = await service.recommend({ siteId: t.site.id, visitorId: 'me', scenario: 'recently-viewed', limit: 5, min: 1, person: nobody });
    expect(r.items.map((p) => p.itemId)).toEqual(['m1']);
  });
});
