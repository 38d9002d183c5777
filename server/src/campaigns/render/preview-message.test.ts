import { describe, expect, test } from 'vitest';
import { ADMIN_TOKEN, SHOP_ORIGIN, testApp } from '../../../test/helpers.ts';
import { importFeed } from '../../catalog/trust/testing.ts';
import { pushFixture } from '../testing/push-fixture.ts';

const IMG = '<img src=x onerror=alert(1)>';
// sorts before the fixture's mug-1: the sample product
const XSS = { item_id: 'aaa-xss', item_name: IMG, price: 5, currency: 'EUR', url: `${SHOP_ORIGIN}/p/aaa-xss`, image: 'https://cdn.shop.example/x.jpg', availability: 'in_stock' };

async function preview(app: { request: (p: string, i: RequestInit) => Response | Promise<Response> }, body: unknown) {
  const res = await app.request('/admin/api/campaigns/preview', {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('POST /admin/api/campaigns/preview', () => {
  test('the saved or the edited wording, filled with a sample product of the site; markup stays text; nothing stored or sent', async () => {
    const f = await pushFixture();
    await importFeed(f.db, f.site.id, [XSS], f.clock.now());
    expect(await preview(f.app, { campaign: 'price_drop' })).toEqual({
      status: 200,
      body: {
        title: `${IMG} is now €5.00`,
        body: 'Down from €6.25 at Test shop.',
        url: `${SHOP_ORIGIN}/p/aaa-xss?sl_push=preview`,
        icon: 'https://cdn.shop.example/x.jpg',
        item: { itemId: 'aaa-xss', name: IMG },
      },
    });
    const edited = await preview(f.app, { site: f.site.id, campaign: 'abandoned_cart', template: { title: 'Still thinking about {name}?', body: '{count} item at {shop}: {price}' } });
    expect(edited.body).toMatchObject({ title: `Still thinking about ${IMG}?`, body: '1 item at Test shop: €5.00' });
    const halfEdited = await preview(f.app, { campaign: 'win_back', template: { body: 'Only {price}' } });
    expect(halfEdited.body).toMatchObject({ title: 'New picks for you at Test shop', body: 'Only €5.00' });

    expect(Number((await f.db.client.execute('SELECT count(*) AS n FROM messages')).rows[0]!.n)).toBe(0);
    const settings = await f.admin<{ campaigns: { abandoned_cart: { title: string } } }>(`/admin/api/sites/${f.site.id}/settings`);
    expect(settings.body.campaigns.abandoned_cart.title).toBe('You left something in your cart');
  });

  test('a site without a trusted product yet shows a stand-in; bad bodies are 400, an unknown site 404', async () => {
    const t = await testApp();
    expect((await preview(t.app, { campaign: 'replenish' })).body).toEqual({
      title: 'Time to restock Sample product?',
      body: 'Order it again at Test shop: €19.99.',
      url: `${SHOP_ORIGIN}/?sl_push=preview`,
      icon: null,
      item: null,
    });
    for (const bad of [{}, { campaign: 'spam' }, { campaign: 'win_back', template: { title: ' ' } }, { campaign: 'win_back', template: { title: 'x'.repeat(201) } }, { campaign: 'win_back', extra: 1 }, { campaign: 'win_back', template: { subject: 'x' } }, 'not json']) {
      expect((await preview(t.app, bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await preview(t.app, { campaign: 'win_back', site: 'nope' })).status).toBe(404);
  });
});
