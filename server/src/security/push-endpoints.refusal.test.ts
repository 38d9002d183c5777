import type { LookupFunction } from 'node:net';
import fc from 'fast-check';
import webPush from 'web-push';
import { describe, expect, test } from 'vitest';
import { SHOP_ORIGIN, SITE_KEY, testApp } from '../../test/helpers.ts';
import { endpointPolicy } from '../push/endpoints/endpoint-policy.ts';
import { setPushSubject } from '../push/keys/site-push-keys.ts';
import { PushSender } from '../push/send/push-sender.ts';
import { browserKeys } from './browser-subscription.ts';
import { check, expectClearAnswer, read } from './judge.ts';

/**
 * A subscription's endpoint is a URL the server will POST to later: a page that could name an internal address
 * would turn Shoploop into a request forger against its own network (cloud metadata at 169.254.169.254, an admin
 * port on 127.0.0.1). Refused when it is stored (its text) and again when a message is sent (the address the
 * name resolves to at that moment).
 */

/** Internal IPv4 addresses, one per blocked range, as a URL may write them. */
const internalV4 = fc.constantFrom<[number, number, number, number]>([127, 0, 0, 1], [10, 1, 2, 3], [169, 254, 169, 254], [172, 16, 0, 1], [192, 168, 0, 1], [100, 64, 0, 1], [0, 0, 0, 0], [224, 0, 0, 1], [255, 255, 255, 255], [198, 18, 0, 1]);
const hex = (n: number) => n.toString(16);
/** The forms an attacker writes to get past a text check: dotted, one number, hex, octal, IPv6 wrappers. */
const writtenAs = fc.constantFrom(
  ([a, b, c, d]: number[]) => `${a}.${b}.${c}.${d}`,
  ([a, b, c, d]: number[]) => String((((a! << 24) >>> 0) + (b! << 16) + (c! << 8) + d!) >>> 0),
  ([a, b, c, d]: number[]) => `0x${[a, b, c, d].map((x) => hex(x!).padStart(2, '0')).join('')}`,
  ([a, b, c, d]: number[]) => [a, b, c, d].map((x) => `0${x!.toString(8)}`).join('.'),
  ([a, b, c, d]: number[]) => `[::ffff:${a}.${b}.${c}.${d}]`,
  ([a, b, c, d]: number[]) => `[::ffff:${hex((a! << 8) + b!)}:${hex((c! << 8) + d!)}]`,
  ([a, b, c, d]: number[]) => `[64:ff9b::${a}.${b}.${c}.${d}]`,
  ([a, b, c, d]: number[]) => `[64:ff9b::${hex((a! << 8) + b!)}:${hex((c! << 8) + d!)}]`,
  ([a, b, c, d]: number[]) => `[2002:${hex((a! << 8) + b!)}:${hex((c! << 8) + d!)}::1]`,
);
const internalHosts = [
  '[::1]',
  '[::]',
  '[fe80::1]',
  '[fd00::1]',
  '[fc00::1]',
  '[ff02::1]',
  '127.1',
  '0x7f.1',
  'localhost',
  'LOCALHOST',
  'foo.localhost',
  'metadata.google.internal',
  'metadata',
  'printer.local',
  'router.home.arpa',
  // names that resolve to loopback on the public internet: not a push service, so never stored
  '127.0.0.1.nip.io',
  'localtest.me',
  'fcm.googleapis.com.127.0.0.1.nip.io',
  'fcm.googleapis.com@127.0.0.1',
];

async function subscribeApp(pushEndpoints?: string) {
  const t = await testApp(pushEndpoints ? { pushEndpoints } : {});
  await setPushSubject(t.db, t.site.id, 'mailto:owner@shop.example');
  const subscribe = async (endpoint: string) =>
    read(
      await t.app.request('/v1/push/subscriptions', {
        method: 'POST',
        headers: { origin: SHOP_ORIGIN, 'content-type': 'text/plain' },
        body: JSON.stringify({ site: SITE_KEY, vid: 'v1', subscription: { endpoint, keys: browserKeys() } }),
      }),
    );
  const stored = async () => Number((await t.db.client.execute('SELECT count(*) AS n FROM push_subscriptions')).rows[0]!.n);
  return { ...t, subscribe, stored };
}

describe('POST /v1/push/subscriptions refuses endpoints at internal addresses, and stores nothing', () => {
  test('every internal IPv4 range in every written form (dotted, decimal, hex, octal, IPv4-mapped, NAT64, 6to4)', async () => {
    const t = await subscribeApp();
    await check(fc.tuple(internalV4, writtenAs, fc.constantFrom('', ':443', ':8443')), async ([ip, form, port]) => {
      t.clock.advance(60_000); // past the per-address limit of 20 changes a minute
      const endpoint = `https://${form(ip)}${port}/push/abc`;
      const answer = await t.subscribe(endpoint);
      expectClearAnswer(answer, endpoint);
      expect(answer.status, endpoint).toBe(400);
      expect((answer.json as { error: { details: { field: string } } }).error.details.field, endpoint).toBe('subscription.endpoint');
    }, 80);
    expect(await t.stored()).toBe(0);
  });

  test('internal IPv6 addresses, short IPv4 forms, internal names and names that resolve to loopback', async () => {
    const t = await subscribeApp();
    for (const host of internalHosts) {
      t.clock.advance(60_000);
      const answer = await t.subscribe(`https://${host}/push/abc`);
      expectClearAnswer(answer, host);
      expect(answer.status, host).toBe(400);
      expect(answer.text, host).toMatch(/endpoint/);
    }
    expect(await t.stored()).toBe(0);
  });

  test('with SHOPLOOP_PUSH_ENDPOINTS naming a test service, every other internal address is still refused', async () => {
    const t = await subscribeApp('https://127.0.0.1:8443');
    expect((await t.subscribe('https://127.0.0.1:8443/push/abc')).status).toBe(201); // the named origin only
    for (const endpoint of ['https://127.0.0.1:8444/push/abc', 'https://[::1]:8443/push/abc', 'https://169.254.169.254/latest/meta-data', 'https://localhost:8443/push/abc', 'https://[::ffff:127.0.0.1]:8443/x']) {
      t.clock.advance(60_000);
      const answer = await t.subscribe(endpoint);
      expect(answer.status, endpoint).toBe(400);
    }
    expect(await t.stored()).toBe(1);
  });

  test('a known push service is accepted (the refusals above are about the address, not every endpoint)', async () => {
    const t = await subscribeApp();
    expect((await t.subscribe('https://fcm.googleapis.com/fcm/send/abc')).status).toBe(201);
    expect(await t.stored()).toBe(1);
  });
});

describe('a push service name that resolves to an internal address when a message is sent is refused then', () => {
  const vapid = { ...webPush.generateVAPIDKeys(), subject: 'mailto:owner@shop.example' };
  test.each(['127.0.0.1', '10.0.0.7', '169.254.169.254', '::1', '::ffff:127.0.0.1', '::ffff:a9fe:a9fe', '64:ff9b::7f00:1', 'fd00::5', 'fe80::1'])('resolving to %s', async (address) => {
    const asked: string[] = [];
    const lookup = ((hostname: string, options: { all?: boolean }, callback: (e: Error | null, a: unknown, f?: number) => void) => {
      asked.push(hostname);
      const family = address.includes(':') ? 6 : 4;
      if (options.all) callback(null, [{ address, family }]);
      else callback(null, address, family);
    }) as LookupFunction;
    const sender = new PushSender({ endpoints: endpointPolicy(undefined), lookup, timeoutMs: 5_000 });
    try {
      const outcome = await sender.send({ endpoint: 'https://web.push.apple.com/QGuQyavXutnMH', ...browserKeys() }, '{"title":"hi"}', vapid, { ttlSeconds: 60, urgency: 'normal' });
      expect(outcome).toMatchObject({ kind: 'refused', error: expect.stringMatching(/internal address/) });
      expect(asked).toEqual(['web.push.apple.com']); // judged on the resolver's answer, at connect time
    } finally {
      sender.close();
    }
  });
});
