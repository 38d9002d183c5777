import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { Agent, request } from 'node:https';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import webPush from 'web-push';
import { endpointPolicy } from '../server/src/push/endpoints/endpoint-policy.ts';
import { PushSender, type PushTarget } from '../server/src/push/send/push-sender.ts';
import { LocalPushServiceClient } from '../server/src/push/testing/local-push-control.ts';

// Web push throughput (docs/benchmarks.md, "Web push"). Push messages sent to the local push service over real
// HTTPS, encryption included, next to the raw aes128gcm encryption rate of the same payloads in the same run.
// The push service (TLS, VAPID check, decryption) runs in a child process, so a path's rate per core is the
// messages it sends per CPU-second of this process alone: the goal (≥ 0.9× raw, per core) is about the sender.

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A payload of the contract's shape and a typical size (~370 bytes). */
const payload = (i: number) =>
  JSON.stringify({
    v: 1,
    id: `msg_01JD${String(i).padStart(8, '0')}`,
    title: 'Still thinking about the Trail Runner 2?',
    body: 'Your cart is waiting: Trail Runner 2, size 42 — 89,00 €. Free returns until Sunday.',
    url: `https://shop.example/cart?sl_push=msg_01JD${String(i).padStart(8, '0')}`,
    icon: 'https://shop.example/icons/shop-192.png',
    image: 'https://shop.example/images/trail-runner-2.jpg',
    tag: 'cart-v_4f9a2c',
  });

/** CPU-seconds (user + system) and wall seconds this process spends in `work`. */
async function measure(work: () => Promise<void> | void): Promise<{ cpuS: number; wallS: number }> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await work();
  const used = process.cpuUsage(cpu);
  const wallS = Number(process.hrtime.bigint() - start) / 1e9;
  // Let the event loop see connections the service closed while a synchronous loop held it (the next phase would
  // otherwise reuse them), outside the measured time.
  await sleep(50);
  return { cpuS: (used.user + used.system) / 1e6, wallS };
}

async function startService(): Promise<{ child: ChildProcess; client: LocalPushServiceClient; ca: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/push/testing/local-push-service-main.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  const { origin, caFile } = JSON.parse(line) as { origin: string; caFile: string };
  const ca = await readFile(caFile, 'utf8');
  return { child, client: new LocalPushServiceClient(origin, ca), ca };
}

/** `count` calls of `one`, 32 at a time, as the outbox dispatcher makes them. */
async function callers(count: number, one: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < count) await one(next++);
    }),
  );
}

/** One POST through `agent`; resolves with the status. */
const post = (agent: Agent, endpoint: string, headers: Record<string, string | number>, body: Buffer) =>
  new Promise<number>((resolve, reject) => {
    const req = request(endpoint, { method: 'POST', agent, headers }, (res) => res.resume().on('end', () => resolve(res.statusCode!)));
    req.on('error', reject);
    req.end(body);
  });

export async function pushBench(quick: boolean): Promise<void> {
  console.log('\n== Web push: messages sent to a local push service over HTTPS vs raw aes128gcm encryption ==');
  const rounds = quick ? 1 : 3;
  const n = quick ? 1_500 : 4_000;
  const { child, client, ca } = await startService();
  try {
    const site = { ...webPush.generateVAPIDKeys(), subject: 'mailto:owner@shop.example' };
    const targets: PushTarget[] = [];
    for (let i = 0; i < 50; i++) {
      const sub = await client.subscribe(site.publicKey);
      targets.push({ endpoint: sub.endpoint, ...sub.keys });
    }
    const sender = new PushSender({ endpoints: endpointPolicy(client.origin), agent: new Agent({ ca }) });
    const options = { ttlSeconds: 86_400, urgency: 'normal' as const, topic: 'cart-v_4f9a2c' };
    const authorization = sender.vapid.authorization(client.origin, site);
    const handAgent = new Agent({ ca, keepAlive: true, maxSockets: 8 }); // the sender's own settings
    let failed = 0;
    const expect201 = (status: number) => {
      if (status !== 201) failed++;
    };

    // 1. raw: the encryption every message needs (a fresh ECDH key pair and salt, HKDF, AES-128-GCM).
    const encryptAll = (count: number) => {
      for (let i = 0; i < count; i++) webPush.encrypt(targets[i % 50]!.p256dh, targets[i % 50]!.auth, payload(i), 'aes128gcm');
    };
    // 2. HTTP alone: one body encrypted once, POSTed again and again with the same headers and connections.
    const once_ = webPush.encrypt(targets[0]!.p256dh, targets[0]!.auth, payload(0), 'aes128gcm').cipherText;
    const headers = (length: number) => ({ TTL: 86_400, Urgency: 'normal', Topic: options.topic, 'Content-Encoding': 'aes128gcm', 'Content-Type': 'application/octet-stream', 'Content-Length': length, Authorization: authorization });
    const postAll = (count: number) => callers(count, async () => expect201(await post(handAgent, targets[0]!.endpoint, headers(once_.length), once_)));
    // 3. by hand: what any sender must do per message, encrypt then POST, with nothing else (no checks, no library request).
    const handAll = (count: number) =>
      callers(count, async (i) => {
        const t = targets[i % 50]!;
        const body = webPush.encrypt(t.p256dh, t.auth, payload(i), 'aes128gcm').cipherText;
        expect201(await post(handAgent, t.endpoint, headers(body.length), body));
      });
    // 4. PushSender.send: allow-list, guarded agent, VAPID cache, per-service limit, web-push's request, outcome.
    const sendAll = (count: number) =>
      callers(count, async (i) => {
        if ((await sender.send(targets[i % 50]!, payload(i), site, options)).kind !== 'delivered') failed++;
      });

    encryptAll(500); // warm-up: JIT, TLS connections
    await postAll(500);
    await handAll(500);
    await sendAll(500);
    const paths = { raw: [] as number[], post: [] as number[], hand: [] as number[], send: [] as number[], wall: [] as number[] };
    for (let r = 0; r < rounds; r++) {
      paths.raw.push(n / (await measure(() => encryptAll(n))).cpuS);
      paths.post.push(n / (await measure(() => postAll(n))).cpuS);
      paths.hand.push(n / (await measure(() => handAll(n))).cpuS);
      const s = await measure(() => sendAll(n));
      paths.send.push(n / s.cpuS);
      paths.wall.push(n / s.wallS);
    }
    if (failed) throw new Error(`${failed} pushes were not answered 201`);

    // web-push as usually called: VAPID details given, so every message signs a new JWT (no request made).
    const usual = quick ? 300 : 1_000;
    const u = await measure(() => {
      for (let i = 0; i < usual; i++) {
        const t = targets[i % 50]!;
        webPush.generateRequestDetails({ endpoint: t.endpoint, keys: { p256dh: t.p256dh, auth: t.auth } }, payload(i), { vapidDetails: site, TTL: 86_400 });
      }
    });

    const received = (await client.messages()).length;
    const refused = (await client.refusals()).length;
    const [raw, http, hand, send] = [median(paths.raw), median(paths.post), median(paths.hand), median(paths.send)];
    console.log(`raw aes128gcm encryption (webPush.encrypt, ${Buffer.byteLength(payload(0))}-byte payload)  ${fmt(raw)} messages per CPU-second`);
    console.log(`HTTPS alone: one encrypted body POSTed again, keep-alive, 8 in flight    ${fmt(http)} per CPU-second (${fmt(1e6 / http)} µs a request, against ${fmt(1e6 / raw)} µs to encrypt)`);
    console.log(`by hand: encrypt, then POST, nothing else                                ${fmt(hand)} per CPU-second = ${(hand / raw).toFixed(2)}× raw (what any sender can reach here)`);
    console.log(
      `PushSender.send → local push service                                     ${fmt(send)} per CPU-second = ${(send / raw).toFixed(2)}× raw (goal ≥ 0.90), ` +
        `${(send / hand).toFixed(2)}× by hand; wall ${fmt(median(paths.wall))} messages/s`,
    );
    console.log(`  web-push as usually called (a VAPID JWT signed per message, no request): ${fmt(usual / u.cpuS)} per CPU-second`);
    console.log(
      `  checked: the service (a child process) verified and decrypted ${fmt(received)} messages, refused ${refused}; the sender signed ${sender.vapid.signatures} VAPID token. ` +
        `Medians of ${rounds} round(s) of ${fmt(n)} per path, paths alternating; CPU = user + system time of this process.`,
    );
    sender.close();
    handAgent.destroy();
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await pushBench(process.argv.includes('--quick'));
