import { describe, expect, test } from 'vitest';
import { importFeed } from '../catalog/trust/testing.ts';
import { SHOP_ORIGIN } from '../../test/helpers.ts';
import { DAY, MINUTE, MUG, reviewFixture } from './testing/review-fixture.ts';

const IMG = '<img src=x onerror=alert(1)>';
const XSS = { item_id: 'xss-1', item_name: IMG, price: 5, currency: 'EUR', item_category: 'Kitchen', url: `${SHOP_ORIGIN}/p/xss-1`, availability: 'in_stock' };
const GHOST = { item_id: 'ghost-1', item_name: 'Only in the order', price: 3, currency: 'EUR' };

describe('GET /admin/api/reports/ratings', () => {
  test('per product: published reviews counted and averaged, pending ones counted apart, rejected ones nowhere; names as plain strings', async () => {
    const f = await reviewFixture({ requestAfterDays: 1 });
    await importFeed(f.db, f.site.id, [XSS], f.clock.now());
    // buyer → [item, rating, decision]
    const plan: Array<[string, Record<string, unknown>, number, 'publish' | 'reject' | null]> = [
      ['b0', MUG, 5, 'publish'],
      ['b1', MUG, 4, 'publish'],
      ['b2', MUG, 2, null],
      ['b3', XSS, 1, 'publish'],
      ['b4', XSS, 3, 'reject'],
      ['b5', GHOST, 3, 'publish'],
    ];
    for (const [buyer, item] of plan) await f.buy(buyer, `o-${buyer}`, [item]);
    await f.advance(DAY);
    for (const [buyer, item, rating, decision] of plan) {
      f.clock.advance(MINUTE);
      const token = (await f.requests(buyer))[0]!.token;
      const res = await f.review({ token, item_id: item.item_id, rating, body: `${IMG} ${buyer}` });
      expect(res.status).toBe(201);
      if (decision) expect((await f.admin('POST', `/admin/api/reviews/${res.body.review.id}/${decision}`)).status).toBe(200);
    }
    const res = await f.admin('GET', '/admin/api/reports/ratings');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      site: f.site.id,
      from: null,
      to: null,
      items: [
        { itemId: 'mug-1', name: 'Blue enamel mug', count: 2, average: 4.5, pending: 1 },
        { itemId: 'ghost-1', name: null, count: 1, average: 3, pending: 0 }, // no trusted name yet
        { itemId: 'xss-1', name: IMG, count: 1, average: 1, pending: 0 },
      ],
    });
    // a period: only the reviews written in it (the first three buyers wrote theirs in its first 3 minutes)
    const from = new Date(f.clock.now() - 6 * MINUTE).toISOString();
    const to = new Date(f.clock.now() - 3 * MINUTE + 1).toISOString();
    expect((await f.admin('GET', `/admin/api/reports/ratings?from=${from}&to=${to}`)).body.items).toEqual([
      { itemId: 'mug-1', name: 'Blue enamel mug', count: 2, average: 4.5, pending: 1 },
    ]);
    expect((await f.admin('GET', '/admin/api/reports/ratings?limit=1')).body.items).toHaveLength(1);
    for (const bad of ['?limit=0', '?from=yesterday', '?x=1', '?site=nope']) expect((await f.admin('GET', `/admin/api/reports/ratings${bad}`)).status, bad).toBeGreaterThanOrEqual(400);
  });
});
