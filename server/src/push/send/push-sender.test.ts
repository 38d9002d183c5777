import { Agent } from 'node:https';
import { createServer } from 'node:net';
import type { AddressInfo, LookupFunction } from 'node:net';
import webPush from 'web-push';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ManualClock } from '../../clock.ts';
import { endpointPolicy } from '../endpoints/endpoint-policy.ts';
import { LocalPushService, type LocalSubscription } from '../testing/local-push-service.ts';
import { MAX_PAYLOAD_BYTES, PushSender, type PushOptions, type PushTarget, type VapidKeys } from './push-sender.ts';

let service: LocalPushService;
let sender: PushSender;
beforeAll(async () => {
  service = await LocalPushService.start();
});
afterAll(() => service.close());
afterEach(() => service.reset());

const site: VapidKeys = { ...webPush.generateVAPIDKeys(), subject: 'mailto:owner@shop.example' };
const options: PushOptions = { ttlSeconds: 24 * 3600, urgency: 'normal', topic: 'cart-v123' };
const target = (sub: LocalSubscription): PushTarget => ({ endpoint: sub.endpoint, ...sub.keys });
const senderFor = (extra: Partial<ConstructorParameters<typeof PushSender>[0]> = {}) => {
  sender = new PushSender({ endpoints: endpointPolicy(service.origin), agent: service.agent, ...extra });
  return sender;
};
afterEach(() => sender?.close());

/** A resolver that answers `address` for every name, as dns.lookup would (one address, or all of them). */
const resolvingTo = (answers: Array<{ address: string; family: 4 | 6 }>, asked: string[] = []): LookupFunction =>
  ((hostname: string, opts: { all?: boolean }, cb: (err: Error | null, a: unknown, f?: number) => void) => {
    asked.push(hostname);
    if (opts.all) cb(null, answers);
    else cb(null, answers[0]!.address, answers[0]!.family);
  }) as LookupFunction;

describe('delivered', () => {
  test('the push service decrypts exactly the payload, with TTL, Urgency, Topic and a VAPID token for its origin', async () => {
    const sub = service.subscribe({ applicationServerKey: site.publicKey });
    const payload = JSON.stringify({ v: 1, id: 'msg_42', title: 'Your cart is waiting', body: 'Trail shoes · 89,00 € — “last pair”', url: 'https://shop.example/cart?sl_push=msg_42', tag: 'cart-v123' });
    const outcome = await senderFor().send(target(sub), payload, site, { ttlSeconds: 3600, urgency: 'high', topic: 'cart-v123' });
    expect(outcome).toEqual({ kind: 'delivered', status: 201 });
    const [m] = service.messagesFor(sub.endpoint);
    expect(m).toMatchObject({ text: payload, ttl: 3600, urgency: 'high', topic: 'cart-v123', vapidKey: site.publicKey });
    expect(m!.claims).toMatchObject({ aud: service.origin, sub: site.subject });
  });

  test('keys sent padded are accepted like the browser sends them', async () => {
    const sub = service.subscribe();
    const padded = { ...target(sub), auth: `${sub.keys.auth}==` };
    expect(await senderFor().send(padded, 'hi', site, options)).toMatchObject({ kind: 'delivered' });
    expect(service.messagesFor(sub.endpoint)[0]!.text).toBe('hi');
  });

  test('a topic outside RFC 8030 becomes a stable 32-character base64url one; no topic, no header', async () => {
    const sub = service.subscribe();
    const s = senderFor();
    for (const topic of ['cart reminder for visitor v_123@shop.example', 'cart reminder for visitor v_123@shop.example', undefined]) {
      await s.send(target(sub), 'x', site, { ...options, ...(topic ? { topic } : { topic: undefined }) });
    }
    const [a, b, none] = service.messagesFor(sub.endpoint).map((m) => m.topic);
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(b).toBe(a);
    expect(none).toBeNull();
  });
});

describe('gone', () => {
  test('410 when the subscription ended, 404 when the service does not know it', async () => {
    const sub = service.subscribe();
    service.unsubscribe(sub.endpoint);
    expect(await senderFor().send(target(sub), 'x', site, options)).toEqual({ kind: 'gone', status: 410 });
    const other = service.subscribe();
    service.failFor(other.endpoint, { status: 404 });
    expect(await sender.send(target(other), 'x', site, options)).toEqual({ kind: 'gone', status: 404 });
  });
});

describe('retry', () => {
  test('429 with Retry-After in seconds', async () => {
    const sub = service.subscribe();
    service.failNext(1, { status: 429, retryAfter: '120' });
    expect(await senderFor().send(target(sub), 'x', site, options)).toMatchObject({ kind: 'retry', status: 429, retryAfterMs: 120_000 });
    expect(await sender.send(target(sub), 'again', site, options)).toMatchObject({ kind: 'delivered' });
  });

  test('503 with Retry-After as an HTTP date, read against the injected clock', async () => {
    const clock = new ManualClock(Date.now());
    const sub = service.subscribe();
    service.failNext(1, { status: 503, retryAfter: new Date(clock.now() + 90_000).toUTCString() });
    const outcome = await senderFor({ now: () => clock.now() }).send(target(sub), 'x', site, options);
    expect(outcome).toMatchObject({ kind: 'retry', status: 503 });
    // toUTCString drops the milliseconds
    expect(outcome.kind === 'retry' && outcome.retryAfterMs).toBeGreaterThan(89_000);
    expect(outcome.kind === 'retry' && outcome.retryAfterMs).toBeLessThanOrEqual(90_000);
  });

  test('500 without Retry-After', async () => {
    const sub = service.subscribe();
    service.failNext(1, { status: 500 });
    expect(await senderFor().send(target(sub), 'x', site, options)).toMatchObject({ kind: 'retry', status: 500, retryAfterMs: null });
  });

  test('a push service that does not answer in time', async () => {
    const sub = service.subscribe();
    service.delay(400);
    const outcome = await senderFor({ timeoutMs: 100 }).send(target(sub), 'x', site, options);
    expect(outcome).toMatchObject({ kind: 'retry', status: null, retryAfterMs: null, error: expect.stringMatching(/timeout/) });
    // the service had the message and keeps it (so a retry after a timeout may deliver twice: the service
    // worker drops a repeated id); wait for it here so it does not land in the next test
    await service.waitForMessages(1);
  });

  test('a kept-alive connection the service closed just as it was reused is tried once more at once', async () => {
    const sub = service.subscribe();
    const s = senderFor({ perServiceConcurrency: 1 });
    expect(await s.send(target(sub), 'opens the connection', site, options)).toMatchObject({ kind: 'delivered' });
    service.failNext(1, { hangUp: true });
    expect(await s.send(target(sub), 'second', site, options)).toMatchObject({ kind: 'delivered' });
    expect(service.messages.map((m) => m.text)).toEqual(['opens the connection', 'second']);
    expect(service.requests).toBe(3);
    service.failNext(2, { hangUp: true }); // only once: a second hang-up is the outbox's to retry
    expect(await s.send(target(sub), 'third', site, options)).toMatchObject({ kind: 'retry', status: null, error: expect.stringMatching(/ECONNRESET/) });
  });

  test('a connection refused (network error)', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const { port } = closed.address() as AddressInfo;
    await new Promise((r) => closed.close(r));
    const origin = `https://127.0.0.1:${port}`;
    sender = new PushSender({ endpoints: endpointPolicy(origin) });
    const sub = service.subscribe();
    const outcome = await sender.send({ ...target(sub), endpoint: `${origin}/push/x` }, 'x', site, options);
    expect(outcome).toMatchObject({ kind: 'retry', status: null, error: expect.stringMatching(/ECONNREFUSED/) });
  });
});

describe('rejected', () => {
  test('another 4xx: the VAPID key is not the one the subscription was made for (403)', async () => {
    const sub = service.subscribe({ applicationServerKey: webPush.generateVAPIDKeys().publicKey });
    expect(await senderFor().send(target(sub), 'x', site, options)).toMatchObject({ kind: 'rejected', status: 403 });
  });

  test('400 and 413 are not retried', async () => {
    const sub = service.subscribe();
    service.failNext(2, { status: 400 });
    expect(await senderFor().send(target(sub), 'x', site, options)).toMatchObject({ kind: 'rejected', status: 400 });
    service.failNext(1, { status: 413 });
    expect(await sender.send(target(sub), 'x', site, options)).toMatchObject({ kind: 'rejected', status: 413 });
  });
});

describe('refused', () => {
  test('an internal endpoint not named in SHOPLOOP_PUSH_ENDPOINTS, before any request', async () => {
    const sub = service.subscribe();
    sender = new PushSender({ endpoints: endpointPolicy(undefined), agent: service.agent });
    expect(await sender.send(target(sub), 'x', site, options)).toMatchObject({ kind: 'refused', error: expect.stringMatching(/127.0.0.1 is an internal address/) });
    expect(await sender.send({ ...target(sub), endpoint: 'https://169.254.169.254/latest/meta-data' }, 'x', site, options)).toMatchObject({
      kind: 'refused',
      error: expect.stringMatching(/169.254.169.254 is an internal address/),
    });
    expect(service.requests).toBe(0);
  });

  test.each([
    ['a private IPv4 address', [{ address: '10.0.0.5', family: 4 as const }]],
    ['the cloud metadata address', [{ address: '169.254.169.254', family: 4 as const }]],
    ['an IPv4-mapped IPv6 loopback', [{ address: '::ffff:127.0.0.1', family: 6 as const }]],
    ['a unique-local IPv6 address', [{ address: 'fd00::1', family: 6 as const }]],
    ['a public and a private address', [{ address: '142.250.74.138', family: 4 as const }, { address: '192.168.0.10', family: 4 as const }]],
  ])('a push-service host that resolves to %s at send time', async (_name, answers) => {
    const asked: string[] = [];
    sender = new PushSender({ endpoints: endpointPolicy(undefined), lookup: resolvingTo(answers, asked) });
    const sub = service.subscribe();
    const outcome = await sender.send({ ...target(sub), endpoint: 'https://fcm.googleapis.com/fcm/send/abc' }, 'x', site, options);
    expect(outcome).toMatchObject({ kind: 'refused', error: expect.stringMatching(/fcm.googleapis.com, resolved to an internal address/) });
    expect(asked).toEqual(['fcm.googleapis.com']);
  });

  test("Chrome's legacy GCM endpoint is sent to FCM (and still checked when it connects)", async () => {
    const asked: string[] = [];
    sender = new PushSender({ endpoints: endpointPolicy(undefined), lookup: resolvingTo([{ address: '10.1.1.1', family: 4 }], asked) });
    const sub = service.subscribe();
    const outcome = await sender.send({ ...target(sub), endpoint: 'https://android.googleapis.com/gcm/send/abc' }, 'x', site, options);
    expect(outcome.kind).toBe('refused');
    expect(asked).toEqual(['fcm.googleapis.com']);
  });

  test('a named origin may resolve to anything: it is the operator’s choice', async () => {
    // the same resolver, but the endpoint's origin is named: the service at 127.0.0.1 is reached
    const sub = service.subscribe();
    expect(await senderFor({ lookup: resolvingTo([{ address: '10.0.0.5', family: 4 }]) }).send(target(sub), 'ok', site, options)).toMatchObject({ kind: 'delivered' });
  });
});

describe('VAPID token reuse', () => {
  test('signed once per push-service origin for many sends, re-signed an hour before it expires', async () => {
    const clock = new ManualClock(Date.now());
    const second = await LocalPushService.start({ now: () => clock.now() });
    const first = await LocalPushService.start({ now: () => clock.now() });
    try {
      const trustBoth = new Agent({ ca: [first.ca, second.ca] }); // each service made its own certificate
      sender = new PushSender({ endpoints: endpointPolicy(`${first.origin},${second.origin}`), agent: trustBoth, now: () => clock.now() });
      const subs = [first.subscribe(), second.subscribe()];
      const burst = () => Promise.all(Array.from({ length: 20 }, (_, i) => sender.send(target(subs[i % 2]!), `m${i}`, site, options)));
      expect((await burst()).every((o) => o.kind === 'delivered')).toBe(true);
      expect(sender.vapid.signatures).toBe(2);
      const tokens = (s: LocalPushService) => new Set(s.messages.map((m) => m.token));
      expect(tokens(first).size).toBe(1);
      expect(tokens(second).size).toBe(1);
      const [t1] = tokens(first);
      expect(first.messages[0]!.claims.exp).toBe(Math.floor((clock.now() + 12 * 3600_000) / 1000));

      clock.advance(10 * 3600_000 + 59 * 60_000); // 10 h 59 min: still more than an hour left
      await burst();
      expect(sender.vapid.signatures).toBe(2);

      clock.advance(2 * 60_000); // 11 h 01 min: under an hour left, so a fresh token for each origin
      first.reset();
      await burst();
      expect(sender.vapid.signatures).toBe(4);
      expect(tokens(first).size).toBe(1);
      expect(tokens(first).has(t1!)).toBe(false);
      expect(first.messages[0]!.claims.exp).toBe(Math.floor((clock.now() + 12 * 3600_000) / 1000));
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  test('each site key pair has its own token', async () => {
    const other: VapidKeys = { ...webPush.generateVAPIDKeys(), subject: 'https://other-shop.example/contact' };
    const sub = service.subscribe();
    const s = senderFor();
    await Promise.all([s.send(target(sub), 'a', site, options), s.send(target(sub), 'b', other, options), s.send(target(sub), 'c', site, options)]);
    expect(s.vapid.signatures).toBe(2);
    const keyOf = Object.fromEntries(service.messages.map((m) => [m.text, m.vapidKey]));
    expect(keyOf).toEqual({ a: site.publicKey, b: other.publicKey, c: site.publicKey });
  });
});

describe('concurrency per push service', () => {
  test.each([3, 8])('at most %i requests in flight at the service', async (limit) => {
    const sub = service.subscribe();
    service.delay(30);
    const s = limit === 8 ? senderFor() : senderFor({ perServiceConcurrency: limit }); // 8 is the default
    const outcomes = await Promise.all(Array.from({ length: limit * 4 }, (_, i) => s.send(target(sub), `m${i}`, site, options)));
    expect(outcomes.every((o) => o.kind === 'delivered')).toBe(true);
    expect(service.maxInFlight).toBe(limit);
    expect(service.messages).toHaveLength(limit * 4);
  });
});

test('keys nothing can be encrypted for are refused, not thrown', async () => {
  const sub = service.subscribe();
  const offCurve = Buffer.from(sub.keys.p256dh, 'base64url');
  offCurve[64]! ^= 1;
  const outcome = await senderFor().send({ ...target(sub), p256dh: offCurve.toString('base64url') }, 'x', site, options);
  expect(outcome).toMatchObject({ kind: 'refused', error: expect.stringMatching(/subscription keys unusable/) });
  expect(service.requests).toBe(0);
});

describe("a caller's mistakes throw", () => {
  test('a payload larger than one record', async () => {
    const sub = service.subscribe();
    await expect(senderFor().send(target(sub), 'x'.repeat(MAX_PAYLOAD_BYTES + 1), site, options)).rejects.toThrow(RangeError);
    expect(await sender.send(target(sub), 'x'.repeat(MAX_PAYLOAD_BYTES), site, options)).toMatchObject({ kind: 'delivered' });
  });

  test('a VAPID private key that is not the public key’s', async () => {
    const sub = service.subscribe();
    const mismatched = { ...site, privateKey: webPush.generateVAPIDKeys().privateKey };
    await expect(senderFor().send(target(sub), 'x', mismatched, options)).rejects.toThrow(/does not belong to the public key/);
    await expect(sender.send(target(sub), 'x', { ...site, subject: 'mailto:me@localhost' }, options)).rejects.toThrow(/localhost/);
  });
});
