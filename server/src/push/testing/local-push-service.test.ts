import { spawn } from 'node:child_process';
import { createECDH } from 'node:crypto';
import { request } from 'node:https';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import webPush from 'web-push';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { VapidTokens } from '../send/vapid-tokens.ts';
import { LocalPushServiceClient } from './local-push-control.ts';
import { LocalPushService, type LocalSubscription } from './local-push-service.ts';

// These tests talk to the service with web-push directly (not through PushSender), so what the service accepts
// and refuses is checked against the library itself.
let service: LocalPushService;
beforeAll(async () => {
  service = await LocalPushService.start();
});
afterAll(() => service.close());

const keys = webPush.generateVAPIDKeys();
const subject = 'mailto:owner@shop.example';

/** Sends with web-push; `authorization` replaces the VAPID header web-push would sign. */
async function post(sub: LocalSubscription, payload: string, options: webPush.RequestOptions & { authorization?: string } = {}) {
  const { authorization, ...rest } = options;
  const auth = authorization ? { vapidDetails: null as unknown as undefined, headers: { Authorization: authorization } } : { vapidDetails: { subject, ...keys } };
  try {
    const res = await webPush.sendNotification(sub, payload, { agent: service.agent, TTL: 60, ...auth, ...rest });
    return { status: res.statusCode, body: res.body };
  } catch (err) {
    if (err instanceof webPush.WebPushError) return { status: err.statusCode, body: err.body, headers: err.headers };
    throw err;
  }
}

const lastRefusal = () => service.refusals.at(-1)?.reason;

describe('accepts what web-push sends', () => {
  test('decrypts the message and records its headers and VAPID claims', async () => {
    const sub = service.subscribe({ applicationServerKey: keys.publicKey });
    const text = JSON.stringify({ v: 1, id: 'msg_1', title: 'Still thinking about it?', body: 'Trail shoes — 89,00 €' });
    expect(await post(sub, text, { TTL: 3600, urgency: 'high', topic: 'cart-reminder' })).toMatchObject({ status: 201 });
    const [m] = service.messagesFor(sub.endpoint);
    expect(m).toMatchObject({ text, ttl: 3600, urgency: 'high', topic: 'cart-reminder', vapidKey: keys.publicKey, records: 1 });
    expect(m!.claims).toMatchObject({ aud: service.origin, sub: subject });
    expect(m!.claims.exp * 1000).toBeGreaterThan(Date.now() + 11 * 3600_000);
  });

  test('a payload of 3,993 bytes, the most one 4,096-byte record holds', async () => {
    const sub = service.subscribe();
    const text = 'é'.repeat(1996) + 'x'; // 3,993 bytes of UTF-8
    expect(await post(sub, text)).toMatchObject({ status: 201 });
    expect(service.messagesFor(sub.endpoint)[0]!.text).toBe(text);
  });
});

describe('refuses what a push service refuses', () => {
  const signed = (aud: string, exp?: number) => webPush.getVapidHeaders(aud, subject, keys.publicKey, keys.privateKey, 'aes128gcm', exp).Authorization;

  test('no VAPID header: 401', async () => {
    const sub = service.subscribe();
    expect((await post(sub, 'x', { vapidDetails: null as unknown as undefined })).status).toBe(401);
    expect(lastRefusal()).toMatch(/no Authorization/);
  });

  test('a JWT for another push service (aud): 401', async () => {
    const sub = service.subscribe();
    expect((await post(sub, 'x', { authorization: signed('https://fcm.googleapis.com') })).status).toBe(401);
    expect(lastRefusal()).toMatch(/aud https:\/\/fcm.googleapis.com is not this push service/);
  });

  test('an expired JWT, or one valid for more than 24 hours: 401', async () => {
    const sub = service.subscribe();
    expect((await post(sub, 'x', { authorization: signed(service.origin, Math.floor(Date.now() / 1000) - 60) })).status).toBe(401);
    expect(lastRefusal()).toMatch(/expired/);
    const tooLong = new VapidTokens(Date.now, 25 * 3600_000).authorization(service.origin, { ...keys, subject });
    expect((await post(sub, 'x', { authorization: tooLong })).status).toBe(401);
    expect(lastRefusal()).toMatch(/more than 24 hours/);
  });

  test('a signature made by another key than k: 401', async () => {
    const sub = service.subscribe();
    const other = webPush.generateVAPIDKeys();
    const forged = signed(service.origin).replace(/k=.*$/, `k=${other.publicKey}`);
    expect((await post(sub, 'x', { authorization: forged })).status).toBe(401);
    expect(lastRefusal()).toMatch(/signature does not verify/);
  });

  test('k is not the applicationServerKey the subscription was made with: 403', async () => {
    const sub = service.subscribe({ applicationServerKey: webPush.generateVAPIDKeys().publicKey });
    expect((await post(sub, 'x')).status).toBe(403);
    expect(service.messagesFor(sub.endpoint)).toHaveLength(0);
  });

  test('a body encrypted for other keys: 400, nothing recorded', async () => {
    const sub = service.subscribe();
    const other = service.subscribe();
    expect((await post({ ...sub, keys: other.keys }, 'secret')).status).toBe(400);
    expect(lastRefusal()).toMatch(/cannot decrypt: record 0 failed authentication/);
    expect(service.messagesFor(sub.endpoint)).toHaveLength(0);
  });

  test('an unknown subscription is 404; an ended one 410', async () => {
    const sub = service.subscribe();
    expect((await post({ ...sub, endpoint: `${service.origin}/push/never-made` }, 'x')).status).toBe(404);
    service.unsubscribe(sub.endpoint);
    expect((await post(sub, 'x')).status).toBe(410);
  });
});

describe('can be told to fail', () => {
  test('the next N requests, with Retry-After', async () => {
    const sub = service.subscribe();
    service.failNext(2, { status: 429, retryAfter: '30' });
    const first = await post(sub, 'a');
    expect(first).toMatchObject({ status: 429, headers: { 'retry-after': '30' } });
    expect((await post(sub, 'b')).status).toBe(429);
    expect((await post(sub, 'c')).status).toBe(201);
    expect(service.messagesFor(sub.endpoint).map((m) => m.text)).toEqual(['c']);
  });

  test('one subscription only', async () => {
    const failing = service.subscribe();
    const fine = service.subscribe();
    service.failFor(failing.endpoint, { status: 500 }, 1);
    expect((await post(failing, 'x')).status).toBe(500);
    expect((await post(fine, 'y')).status).toBe(201);
    expect((await post(failing, 'z')).status).toBe(201);
  });
});

test('another process sends to it, trusting its certificate through NODE_EXTRA_CA_CERTS', async () => {
  const sub = service.subscribe({ applicationServerKey: keys.publicKey });
  const script = `
    import webPush from 'web-push';
    const [sub, vapid] = JSON.parse(process.argv[1]);
    const res = await webPush.sendNotification(sub, 'from a child process', { vapidDetails: vapid, TTL: 120 });
    console.log(res.statusCode);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, JSON.stringify([sub, { subject, ...keys }])], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_EXTRA_CA_CERTS: service.caFile },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  const [code] = await once(child, 'exit');
  expect(code).toBe(0);
  expect(out.trim()).toBe('201');
  expect(service.messagesFor(sub.endpoint)[0]).toMatchObject({ text: 'from a child process', ttl: 120 });
});

test('runs as its own process, driven through /_control', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/push/testing/local-push-service-main.ts'], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    const { origin, caFile } = JSON.parse(line) as { origin: string; caFile: string };
    const { readFile } = await import('node:fs/promises');
    const client = new LocalPushServiceClient(origin, await readFile(caFile, 'utf8'));
    const sub = await client.subscribe(keys.publicKey);
    await client.fail({ status: 503, retryAfter: '5', count: 1 });
    const agent = new (await import('node:https')).Agent({ ca: await readFile(caFile, 'utf8') });
    const send = () => webPush.sendNotification(sub, 'over there', { agent, vapidDetails: { subject, ...keys } }).then((r) => r.statusCode, (e: webPush.WebPushError) => e.statusCode);
    expect(await send()).toBe(503);
    expect(await send()).toBe(201);
    expect((await client.messages()).map((m) => m.text)).toEqual(['over there']);
    expect((await client.refusals()).map((r) => r.status)).toEqual([503]);
    agent.destroy();
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}, 20_000);

test('a body of several records is refused (RFC 8291 §4: one record), though it decrypts', async () => {
  const sub = service.subscribe();
  // web-push always writes one record; http_ece (its encoder) can be asked for 64-byte records
  const fromWebPush = createRequire(createRequire(import.meta.url).resolve('web-push'));
  const ece = fromWebPush('http_ece') as { encrypt(data: Buffer, params: Record<string, unknown>): Buffer };
  const sender = createECDH('prime256v1');
  sender.generateKeys();
  const text = 'a message long enough to need three records of 64 bytes each';
  const body = ece.encrypt(Buffer.from(text), { version: 'aes128gcm', dh: sub.keys.p256dh, privateKey: sender, authSecret: sub.keys.auth, rs: 64 });
  const auth = webPush.getVapidHeaders(service.origin, subject, keys.publicKey, keys.privateKey, 'aes128gcm').Authorization;
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(sub.endpoint, { method: 'POST', agent: service.agent, headers: { TTL: '60', 'content-encoding': 'aes128gcm', authorization: auth } }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', reject);
    req.end(body);
  });
  expect(status).toBe(400);
  expect(lastRefusal()).toMatch(/one record, got 2/);
});
