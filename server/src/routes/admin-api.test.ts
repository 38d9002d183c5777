import { describe, expect, test } from 'vitest';
import { ADMIN_TOKEN, batch, event, postCollect, testApp } from '../../test/helpers.ts';

describe('admin API', () => {
  test('needs the bearer token', async () => {
    const { app } = await testApp();
    const none = await app.request('/admin/api/visitors');
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    const wrong = await app.request('/admin/api/visitors', { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const right = await app.request('/admin/api/visitors', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(right.status).toBe(200);
  });

  test('lists visitors latest seen first, limited', async () => {
    const { app, admin, clock } = await testApp();
    for (const vid of ['a', 'b', 'c']) {
      await postCollect(app, batch([event('page_view')], { vid }));
      clock.advance(1000);
    }
    await postCollect(app, batch([event('page_view'), event('page_view')], { vid: 'a' }));
    const { body } = await admin<{ visitors: Array<{ visitorId: string; eventCount: number }> }>('/admin/api/visitors?limit=2');
    expect(body.visitors.map((v) => [v.visitorId, v.eventCount])).toEqual([
      ['a', 3],
      ['c', 1],
    ]);
  });

  test('rejects a bad limit with a clear message', async () => {
    const { admin } = await testApp();
    const { status, body } = await admin<{ error: { message: string } }>('/admin/api/visitors?limit=0');
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/limit/);
  });

  test('shows one visitor with its events in the order they happened', async () => {
    const { app, admin } = await testApp();
    const first = event('page_view', {}, { ts: 1000 });
    const second = event('view_item', { items: [{ item_id: 'X' }] }, { ts: 2000 });
    // the later event arrives first (e.g. the earlier one waited in an offline queue)
    await postCollect(app, batch([second], { vid: 'v9' }));
    await postCollect(app, batch([first], { vid: 'v9' }));
    const { status, body } = await admin<{ visitor: { visitorId: string; eventCount: number }; stage: unknown; events: Array<{ id: string; name: string }> }>('/admin/api/visitors/v9');
    expect(status).toBe(200);
    expect(body.visitor).toMatchObject({ visitorId: 'v9', eventCount: 2 });
    expect(body.events.map((e) => e.id)).toEqual([first.id, second.id]);
  });

  test('an unknown visitor is a 404 in the one error shape', async () => {
    const { admin } = await testApp();
    const { status, body } = await admin('/admin/api/visitors/nobody');
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'not_found', message: 'no visitor "nobody"' } });
  });

  test('identify links the visitor to a customer id', async () => {
    const { app, admin } = await testApp();
    await postCollect(app, batch([event('page_view'), event('identify', { customer_id: 'cust-42' })], { vid: 'v5' }));
    const { body } = await admin<{ visitor: { customerId: string } }>('/admin/api/visitors/v5');
    expect(body.visitor.customerId).toBe('cust-42');
  });
});

test('GET /healthz answers ok after a database round trip; unknown routes are JSON 404s', async () => {
  const { app } = await testApp();
  const res = await app.request('/healthz');
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ ok: true });
  const missing = await app.request('/nope');
  expect(missing.status).toBe(404);
  expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
});
