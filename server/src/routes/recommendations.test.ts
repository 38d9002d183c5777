import { describe, expect, test } from 'vitest';
import { event } from '../../test/helpers.ts';
import { testShop } from '../recommend/serve/test-shop.ts';

describe('GET /v1/recommendations', () => {
  test('the app’s own mount: 200 with the list, fed by the writer, CORS from the /v1 middleware, no caching', async () => {
    const t = await testShop();
    await t.seedHistory();
    const res = await t.app.request('/v1/recommendations?site=pk_test&visitor=v1&scenario=popular&limit=2', { headers: { origin: 'https://shop.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { scenario: string; items: Array<{ item_id: string }> };
    expect(body.scenario).toBe('popular');
    expect(body.items.map((i) => i.item_id)).toEqual(['m1', 't1']);
  });

  test('defaults: scenario auto (potential → popular), limit 8', async () => {
    const t = await testShop();
    await t.seedHistory();
    await t.feed(Array.from({ length: 6 }, (_, i) => ({ item_id: `x${i}`, item_name: `X${i}` })));
    for (let i = 0; i < 6; i++) await t.send('z', [event('view_item', { items: [{ item_id: `x${i}`, item_name: `X${i}` }] })]);
    const r = await t.get({ visitor: 'v1' });
    expect(r.body.scenario).toBe('popular');
    expect(r.body.items).toHaveLength(8);
  });

  test.each([
    ['missing visitor', {}],
    ['a visitor id with spaces', { visitor: 'a b' }],
    ['a visitor id too long', { visitor: 'v'.repeat(65) }],
    ['an unknown scenario', { visitor: 'v1', scenario: 'everything' }],
    ['limit 0', { visitor: 'v1', limit: 0 }],
    ['limit 51', { visitor: 'v1', limit: 51 }],
    ['limit not a number', { visitor: 'v1', limit: 'ten' }],
    ['min 0', { visitor: 'v1', min: 0 }],
    ['an item id too long', { visitor: 'v1', item: 'i'.repeat(129) }],
    ['similar without an item', { visitor: 'v1', scenario: 'similar' }],
  ])('400 on %s', async (_, query) => {
    const t = await testShop();
    const r = await t.get(query as Record<string, string>);
    expect(r.status).toBe(400);
    expect(r.body.error?.code).toBe('bad_request');
  });

  test('404 for an unknown site key', async () => {
    const t = await testShop();
    const r = await t.get({ visitor: 'v1', site: 'pk_nope' });
    expect(r.status).toBe(404);
  });

  test('403 without an Origin, or from an origin the site does not allow', async () => {
    const t = await testShop();
    expect((await t.get({ visitor: 'v1' }, null)).status).toBe(403);
    expect((await t.get({ visitor: 'v1' }, 'https://evil.example')).status).toBe(403);
    expect((await t.get({ visitor: 'v1' })).status).toBe(200);
  });
});
