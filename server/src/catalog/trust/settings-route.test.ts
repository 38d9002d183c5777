import { describe, expect, test } from 'vitest';
import { ADMIN_TOKEN, SHOP_ORIGIN, testApp } from '../../../test/helpers.ts';
import { trustedProduct } from './index.ts';
import { importFeed, viewFrom } from './testing.ts';

const mug = { item_id: 'SKU-1', item_name: 'White Mug', price: 4.5, url: `${SHOP_ORIGIN}/p/1` };

async function setup() {
  const t = await testApp();
  const call = async (method: string, body?: unknown) => {
    const res = await t.app.request('/admin/api/sites/site_test/settings', {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { catalog?: { trustedReporters: number }; error?: { code: string; message: string } } };
  };
  return { ...t, call, price: async () => (await trustedProduct(t.db, { id: t.site.id, allowedOrigins: t.site.allowedOrigins }, 'SKU-1'))?.price };
}

describe('catalog.trustedReporters in /admin/api/sites/:siteId/settings', () => {
  test('GET answers the default of 3; PUT stores another, and the next reports are counted against it', async () => {
    const t = await setup();
    expect((await t.call('GET')).body.catalog).toEqual({ trustedReporters: 3 });
    const put = await t.call('PUT', { catalog: { trustedReporters: 2 } });
    expect(put.status).toBe(200);
    expect(put.body.catalog).toEqual({ trustedReporters: 2 });
    expect((await t.call('GET')).body.catalog).toEqual({ trustedReporters: 2 });
    await importFeed(t.db, t.site.id, [mug], t.clock.now());
    await viewFrom(t.app, ['a'], { ...mug, price: 3 });
    expect(await t.price()).toBe(4.5);
    await viewFrom(t.app, ['b'], { ...mug, price: 3 });
    expect(await t.price()).toBe(3);
  });

  test.each([1, 0, 1001, 2.5, '3', null])('PUT refuses trustedReporters %j with a 400 naming the field, and stores nothing', async (value) => {
    const t = await setup();
    const put = await t.call('PUT', { catalog: { trustedReporters: value } });
    expect(put.status).toBe(400);
    expect(put.body.error?.message).toMatch(/catalog\.trustedReporters/);
    expect((await t.call('GET')).body.catalog).toEqual({ trustedReporters: 3 });
  });

  test('PUT refuses an unknown catalog key', async () => {
    const t = await setup();
    expect((await t.call('PUT', { catalog: { trustedReporter: 2 } })).status).toBe(400);
  });
});
