import fc from 'fast-check';
import { expect, test } from 'vitest';
import { ADMIN_TOKEN, batch, postCollect, SHOP_ORIGIN, SITE_KEY, testApp } from '../../test/helpers.ts';
import { setPushSubject } from '../push/keys/site-push-keys.ts';
import { hostileString } from './hostile-values.ts';
import { check, expectClearAnswer, expectHealthy, read } from './judge.ts';

/**
 * What the collector accepts is read again later, by code no request waits on: the lifecycle scheduler, the
 * campaigns, the buyer models, the recommender, the admin reports. Input that is valid but extreme — times at
 * the ends of the Date range, the largest prices and quantities, any text where any text is allowed, a time
 * zone that is no time zone — must not break any of them.
 */

// a NUL is refused at the edge (collect.property.test.ts); everything else any-text allows is here
const text = (max: number) => hostileString.filter((s) => s.length <= max && !s.includes('\u0000'));
const DAY = 86_400_000;

const extremeItem = fc.record({
  item_id: text(128).filter((s) => s.length >= 1),
  item_name: text(300),
  price: fc.constantFrom(0, 5e-324, 0.01, 1e9),
  currency: fc.constantFrom('GBP', 'XXX', 'zzz', 'EUR'),
  quantity: fc.constantFrom(0, 1, 1_000_000),
  item_category: text(128),
  item_brand: text(128),
  image: fc.constantFrom('https://cdn.shop.example/a.jpg', 'javascript:alert(1)', 'http://169.254.169.254/', '//evil.example/x.png', ''),
  url: fc.constantFrom(`${SHOP_ORIGIN}/p/1`, 'javascript:alert(1)', 'https://evil.example/', '/relative', ''),
  availability: fc.constantFrom('in_stock', 'out_of_stock', 'discontinued', 'preorder'),
});

/** A valid batch of one visitor whose every field is at an edge. */
const extremeBatch = fc
  .record({
    tz: text(64),
    ts: fc.constantFrom(0, 1, 8.64e15, Date.UTC(2026, 10, 23, 12), Date.UTC(2026, 10, 23, 12) + 365 * DAY, Date.UTC(1970, 0, 1) + DAY),
    items: fc.array(extremeItem, { minLength: 1, maxLength: 3 }),
    customer: text(128).filter((s) => s.length >= 1),
    words: text(300),
    scenario: text(32).filter((s) => s.length >= 1),
    message: text(64).filter((s) => s.length >= 1),
    value: fc.constantFrom(0, 1e9, 0.5),
  })
  .map(({ tz, ts, items, customer, words, scenario, message, value }) => {
    const e = (n: number, name: string, params: Record<string, unknown>) => ({ id: `x${n}`, name, ts, sid: 's1', url: `${SHOP_ORIGIN}/p/1`, ref: words.slice(0, 2048), params });
    return {
      tz,
      events: [
        e(1, 'view_item', { items, page_title: words }),
        e(2, 'search', { search_term: words }),
        e(3, 'add_to_cart', { items, value, currency: 'GBP' }),
        e(4, 'rec_click', { rec_id: 'r1', scenario, items }),
        e(5, 'push_click', { message_id: message }),
        e(6, 'purchase', { transaction_id: words.slice(0, 128) || 'T', value, currency: 'GBP', items }),
        e(7, 'identify', { customer_id: customer }),
      ],
    };
  });

test('valid batches at every edge are stored, and every later reader of them still works', async () => {
  const t = await testApp({ rateLimit: { perVisitorPerMinute: 0, perIpPerMinute: 0 } });
  await setPushSubject(t.db, t.site.id, 'mailto:owner@shop.example');
  const admin = async (path: string) => read(await t.app.request(path, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }));
  let n = 0;
  await check(
    extremeBatch,
    async ({ tz, events }) => {
      const vid = `v${++n}`;
      const stored = await read(await postCollect(t.app, JSON.stringify(batch(events.map((e) => ({ ...e, id: `${vid}-${e.id}` })), { vid, tz }))));
      expectClearAnswer(stored, 'collect');
      expect(stored.status, stored.text).toBe(200);
      // the jobs nobody waits on: each must finish, not throw
      t.clock.advance(3 * DAY);
      await t.scheduler.runDue();
      await t.deps.maintenance.run();
      await t.deps.campaigns.tick();
      await t.deps.dispatcher.runDue();
      await t.deps.recommendations.rebuild(t.site.id);
      // and every reader answers
      for (const scenario of ['auto', 'popular', 'similar', 'also-bought', 'for-you', 'recently-viewed', 'replenish', 'win-back']) {
        const item = encodeURIComponent(events[0]!.params.items ? String((events[0]!.params.items as Array<{ item_id: string }>)[0]!.item_id).replace(/[\ud800-\udfff]/g, '') || 'x' : 'x');
        const res = await read(await t.app.request(`/v1/recommendations?site=${SITE_KEY}&visitor=${vid}&scenario=${scenario}&item=${item}`, { headers: { origin: SHOP_ORIGIN } }));
        expectClearAnswer(res, `recommendations ${scenario}`);
        expect(res.status, res.text).toBe(200);
      }
      expect((await read(await t.app.request(`/v1/me?site=${SITE_KEY}&visitor=${vid}`, { headers: { origin: SHOP_ORIGIN } }))).status).toBe(200);
      expect((await read(await t.app.request(`/v1/reviews/requests?site=${SITE_KEY}&visitor=${vid}`, { headers: { origin: SHOP_ORIGIN } }))).status).toBe(200);
      for (const path of [
        '/admin/api/visitors?limit=50',
        `/admin/api/visitors/${vid}`,
        `/admin/api/sites/${t.site.id}/products?limit=50`,
        '/admin/api/funnel',
        '/admin/api/stages/daily',
        '/admin/api/recommendations/report',
        '/admin/api/campaigns/report',
        `/admin/api/messages?site=${t.site.id}`,
        `/admin/api/reviews?site=${t.site.id}`,
      ]) {
        const res = await admin(path);
        expectClearAnswer(res, path);
        expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBe(200);
      }
    },
    10,
  );
  await expectHealthy(t.app);
});
