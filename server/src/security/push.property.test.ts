import fc from 'fast-check';
import { expect, test } from 'vitest';
import { SHOP_ORIGIN, SITE_KEY, testApp } from '../../test/helpers.ts';
import { setPushSubject } from '../push/keys/site-push-keys.ts';
import { browserSubscription } from './browser-subscription.ts';
import { hostileBody, hostileQuery } from './hostile-values.ts';
import { check, expectClearAnswer, expectHealthy, expectPrototypeUntouched, prototypeSnapshot, read, rowCounts } from './judge.ts';

// GET /v1/push/key, POST and DELETE /v1/push/subscriptions: what a page sends to subscribe a browser.

const validSubscribe = () => ({ site: SITE_KEY, vid: 'v1', subscription: browserSubscription(), tz: 'Europe/London' });
const subscribePaths = [['site'], ['vid'], ['tz'], ['subscription'], ['subscription', 'endpoint'], ['subscription', 'expirationTime'], ['subscription', 'keys'], ['subscription', 'keys', 'p256dh'], ['subscription', 'keys', 'auth']] as const;
const validUnsubscribe = () => ({ site: SITE_KEY, endpoint: browserSubscription().endpoint, vid: 'v1' });
const unsubscribePaths = [['site'], ['endpoint'], ['vid']] as const;

async function pushApp() {
  const t = await testApp();
  await setPushSubject(t.db, t.site.id, 'mailto:owner@shop.example');
  return t;
}

for (const [method, valid, paths] of [
  ['POST', validSubscribe, subscribePaths],
  ['DELETE', validUnsubscribe, unsubscribePaths],
] as const) {
  test(`${method} /v1/push/subscriptions with hostile bodies: a clear 4xx with nothing stored, never a 5xx`, async () => {
    const t = await pushApp();
    const proto = prototypeSnapshot();
    await check(hostileBody(valid, paths), async (body) => {
      t.clock.advance(60_000); // a fresh minute: the per-address limit (20 a minute) is not what answers
      const before = await rowCounts(t.db);
      const answer = await read(await t.app.request('/v1/push/subscriptions', { method, headers: { origin: SHOP_ORIGIN, 'content-type': 'text/plain' }, body }));
      expectClearAnswer(answer, `${method} ${body.slice(0, 200)}`);
      if (answer.status >= 400) expect(await rowCounts(t.db), `stored for ${answer.status}`).toEqual(before);
      if (answer.status === 201) {
        // stored as sent (the newest 5 browsers of a visitor are kept, so the count may stay)
        const endpoint = (JSON.parse(body) as { subscription: { endpoint: string } }).subscription.endpoint;
        const rows = await t.db.client.execute({ sql: 'SELECT count(*) AS n FROM push_subscriptions WHERE endpoint = ?', args: [endpoint] });
        expect(Number(rows.rows[0]!.n)).toBe(1);
      }
      expectPrototypeUntouched(proto);
    });
    await expectHealthy(t.app);
  });
}

test('GET /v1/push/key with hostile query strings: a clear 4xx or the public key, never the private one', async () => {
  const t = await pushApp();
  const privateKey = String((await t.db.client.execute('SELECT private_key FROM push_keys')).rows[0]!.private_key);
  const before = await rowCounts(t.db);
  await check(hostileQuery({ site: SITE_KEY }), async (query) => {
    const answer = await read(await t.app.request(`/v1/push/key?${query}`, { headers: { origin: SHOP_ORIGIN } }));
    expectClearAnswer(answer, query);
    expect(answer.text).not.toContain(privateKey);
  });
  expect(await rowCounts(t.db)).toEqual(before);
  await expectHealthy(t.app);
});

test('a subscription body over 4 KB is a 413 and stores nothing, however it is padded', async () => {
  const t = await pushApp();
  await check(fc.integer({ min: 4097, max: 100_000 }), async (size) => {
    const body = JSON.stringify({ ...validSubscribe(), tz: 'x'.repeat(size) });
    const answer = await read(await t.app.request('/v1/push/subscriptions', { method: 'POST', headers: { origin: SHOP_ORIGIN, 'content-type': 'text/plain' }, body }));
    expectClearAnswer(answer, `size ${size}`);
    expect(answer.status).toBe(413);
  }, 10);
  expect((await rowCounts(t.db)).push_subscriptions).toBe(0);
});
