import { createECDH, randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { SHOP_ORIGIN, SITE_KEY, testApp } from '../../../test/helpers.ts';
import { setPushSubject } from '../keys/site-push-keys.ts';
import { MAX_SUBSCRIPTIONS_PER_VISITOR } from './subscription-store.ts';
import { SUBSCRIPTION_CHANGES_PER_MINUTE } from './routes.ts';

const b64 = (b: Buffer) => b.toString('base64url');
function browserSubscription(endpoint = `https://fcm.googleapis.com/fcm/send/${b64(randomBytes(24))}`) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { endpoint, expirationTime: null, keys: { p256dh: b64(ecdh.getPublicKey()), auth: b64(randomBytes(16)) } };
}

async function setup(overrides = {}) {
  const t = await testApp(overrides);
  await setPushSubject(t.db, t.site.id, 'mailto:owner@shop.example');
  const call = (method: string, body: unknown, origin = SHOP_ORIGIN) =>
    t.app.request('/v1/push/subscriptions', { method, headers: { origin, 'content-type': 'text/plain' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const stored = async () => (await t.db.client.execute('SELECT visitor_id, endpoint, p256dh, auth FROM push_subscriptions ORDER BY id')).rows.map((r) => ({ ...r }));
  return { ...t, call, stored };
}

describe('GET /v1/push/key', () => {
  test('serves the public key only, to the site\'s pages, once the shop has a push contact', async () => {
    const t = await testApp();
    const ask = (origin = SHOP_ORIGIN) => t.app.request(`/v1/push/key?site=${SITE_KEY}`, { headers: { origin } });
    const off = await ask();
    expect(off.status).toBe(409);
    expect(((await off.json()) as { error: { code: string } }).error.code).toBe('push_not_configured');
    await setPushSubject(t.db, t.site.id, 'https://shop.example/contact');
    const res = await ask();
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, string>;
    expect(Object.keys(body)).toEqual(['publicKey']);
    expect(Buffer.from(body.publicKey!, 'base64url')).toHaveLength(65);
    const row = (await t.db.client.execute('SELECT public_key, private_key FROM push_keys')).rows[0]!;
    expect(body.publicKey).toBe(row.public_key);
    expect(JSON.stringify(body)).not.toContain(String(row.private_key));
    expect((await ask('https://evil.example')).status).toBe(403);
    expect((await t.app.request('/v1/push/key?site=pk_nope', { headers: { origin: SHOP_ORIGIN } })).status).toBe(404);
  });
});

describe('POST and DELETE /v1/push/subscriptions', () => {
  test('stores a checked subscription, moves an endpoint to its new visitor, and removes it at once', async () => {
    const t = await setup();
    const sub = browserSubscription();
    const res = await t.call('POST', { site: SITE_KEY, vid: 'v1', subscription: sub });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ subscribed: true });
    expect(await t.stored()).toEqual([{ visitor_id: 'v1', endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth }]);
    // the same browser after its storage was cleared: one row, the new visitor
    expect((await t.call('POST', { site: SITE_KEY, vid: 'v2', subscription: sub })).status).toBe(201);
    expect((await t.stored()).map((r) => r.visitor_id)).toEqual(['v2']);
    const del = await t.call('DELETE', { site: SITE_KEY, endpoint: sub.endpoint });
    expect(await del.json()).toEqual({ removed: 1 });
    expect(await t.stored()).toEqual([]);
  });

  test(`keeps the newest ${MAX_SUBSCRIPTIONS_PER_VISITOR} browsers of a visitor`, async () => {
    const t = await setup();
    const subs = Array.from({ length: MAX_SUBSCRIPTIONS_PER_VISITOR + 2 }, () => browserSubscription());
    for (const [i, sub] of subs.entries()) {
      t.clock.advance(1000 * (i + 1));
      expect((await t.call('POST', { site: SITE_KEY, vid: 'v1', subscription: sub })).status).toBe(201);
    }
    expect((await t.stored()).map((r) => r.endpoint)).toEqual(subs.slice(2).map((s) => s.endpoint));
  });

  const good = browserSubscription();
  const badCases: Array<[string, unknown, RegExp]> = [
    ['not JSON', '{', /not valid JSON/],
    ['no subscription', { site: SITE_KEY, vid: 'v1' }, /subscription/],
    ['an http endpoint', { site: SITE_KEY, vid: 'v1', subscription: { ...good, endpoint: 'http://fcm.googleapis.com/fcm/send/x' } }, /endpoint/],
    ['an unknown push service', { site: SITE_KEY, vid: 'v1', subscription: { ...good, endpoint: 'https://push.evil.example/x' } }, /endpoint/],
    ['a loopback endpoint', { site: SITE_KEY, vid: 'v1', subscription: { ...good, endpoint: 'https://127.0.0.1/push' } }, /endpoint/],
    ['the metadata address', { site: SITE_KEY, vid: 'v1', subscription: { ...good, endpoint: 'https://169.254.169.254/latest' } }, /endpoint/],
    ['an oversized endpoint', { site: SITE_KEY, vid: 'v1', subscription: { ...good, endpoint: `https://fcm.googleapis.com/${'a'.repeat(2000)}` } }, /endpoint/],
    ['a short p256dh', { site: SITE_KEY, vid: 'v1', subscription: { ...good, keys: { ...good.keys, p256dh: b64(randomBytes(33)) } } }, /p256dh/],
    ['a p256dh off the curve', { site: SITE_KEY, vid: 'v1', subscription: { ...good, keys: { ...good.keys, p256dh: b64(Buffer.concat([Buffer.from([4]), randomBytes(64)])) } } }, /p256dh/],
    ['a 15-byte auth', { site: SITE_KEY, vid: 'v1', subscription: { ...good, keys: { ...good.keys, auth: b64(randomBytes(15)) } } }, /auth/],
    ['an oversized key', { site: SITE_KEY, vid: 'v1', subscription: { ...good, keys: { ...good.keys, auth: 'a'.repeat(300) } } }, /auth/],
    ['a bad visitor id', { site: SITE_KEY, vid: 'v 1<', subscription: good }, /vid/],
    ['an unknown field', { site: SITE_KEY, vid: 'v1', subscription: good, admin: true }, /admin|unrecognized/i],
  ];
  test.each(badCases)('refuses %s with a 400 naming the problem, storing nothing', async (_, body, message) => {
    const t = await setup();
    const res = await t.call('POST', body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    expect(await t.stored()).toEqual([]);
  });

  test('refuses a page on another origin (403) and an oversized body (413), storing nothing', async () => {
    const t = await setup();
    expect((await t.call('POST', { site: SITE_KEY, vid: 'v1', subscription: good }, 'https://evil.example')).status).toBe(403);
    expect((await t.call('POST', { site: SITE_KEY, vid: 'v1', subscription: good, pad: 'x'.repeat(10_000) })).status).toBe(413);
    expect(await t.stored()).toEqual([]);
  });

  test('a test push service on 127.0.0.1 is allowed only when SHOPLOOP_PUSH_ENDPOINTS names it', async () => {
    const local = browserSubscription('https://127.0.0.1:8443/push/abc');
    expect((await (await setup()).call('POST', { site: SITE_KEY, vid: 'v1', subscription: local })).status).toBe(400);
    const named = await setup({ pushEndpoints: 'https://127.0.0.1:8443' });
    expect((await named.call('POST', { site: SITE_KEY, vid: 'v1', subscription: local })).status).toBe(201);
    // naming a test service replaces the list: a real push service is then refused
    expect((await named.call('POST', { site: SITE_KEY, vid: 'v1', subscription: browserSubscription() })).status).toBe(400);
  });
});

test('a script filling the table is slowed down: subscription changes per address are limited, nothing stored past the limit', async () => {
  const t = await setup();
  const statuses: number[] = [];
  for (let i = 0; i < SUBSCRIPTION_CHANGES_PER_MINUTE + 3; i++) statuses.push((await t.call('POST', { site: SITE_KEY, vid: `v${i}`, subscription: browserSubscription() })).status);
  expect(statuses.filter((s) => s === 201)).toHaveLength(SUBSCRIPTION_CHANGES_PER_MINUTE);
  expect(statuses.slice(-3)).toEqual([429, 429, 429]);
  expect(await t.stored()).toHaveLength(SUBSCRIPTION_CHANGES_PER_MINUTE);
  t.clock.advance(60_000);
  expect((await t.call('POST', { site: SITE_KEY, vid: 'later', subscription: browserSubscription() })).status).toBe(201);
});
