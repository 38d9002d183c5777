import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { Agent, request } from 'node:https';
import { createInterface } from 'node:readline';
import webPush from 'web-push';
import { endpointPolicy } from '../server/src/push/endpoints/endpoint-policy.ts';
import { PushSender, type PushTarget } from '../server/src/push/send/push-sender.ts';
import { LocalPushServiceClient } from '../server/src/push/testing/local-push-control.ts';

// Web push throughput (docs/benchmarks.md, "Web push"). Push messages sent to the local push service over real
// HTTPS, encryption included, next to the raw aes128gcm encryption rate of the same payloads in the same run.
// The push service (TLS, VAPID check, decryption) runs in a child process, so the sender's rate per core is the
// messages sent per CPU-second of this process alone, which is what the goal (≥ 0.9× raw, per core) is about.

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A payload of the contract's shape and a typical size (~330 bytes). */
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
  return { cpuS: (used.user + used.system) / 1e6, wallS: Number(process.hrtime.bigint() - start) / 1e9 };
}

async function startService(): Promise<{ child: ChildProcess; client: LocalPushServiceClient; ca: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/push/testing/local-push-service-main.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  const { origin, caFile } = JSON.parse(line) as { origin: string; caFile: string };
  const ca = await readFile(caFile, 'utf8');
  return { child, client: new LocalPushServiceClient(origin, ca), ca };
}

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
    const options = { ttlSeconds: 24 * 3600, urgency: 'normal' as const, topic: 'cart-v_4f9a2c' };

    const encryptAll = (count: number) => {
      for (let i = 0; i < count; i++) webPush.encrypt(targets[i % 50]!.p256dh, targets[i % 50]!.auth, payload(i), 'aes128gcm');
    };
    /** `count` calls of `one`, 32 at a time, as the outbox dispatcher makes them (the sender keeps 8 in flight). */
    const callers = async (count: number, one: (i: number) => Promise<void>) => {
      let next = 0;
      await Promise.all(Array.from({ length: 32 }, async () => {
        while (next < count) await one(next++);
      }));
    };
    let failed = 0;
    const sendAll = (count: number) =>
      callers(count, async (i) => {
        if ((await sender.send(targets[i % 50]!, payload(i), site, options)).kind !== 'delivered') failed++;
      });
    // The bound: the same HTTPS POST (a body encrypted once, the same headers, 8 keep-alive connections) with no
    // encryption and no library. A sender that must encrypt each message and then POST it can reach at best
    // 1 / (1/encrypt + 1/post) messages per CPU-second.
    const fixed = webPush.generateRequestDetails({ endpoint: targets[0]!.endpoint, keys: { p256dh: targets[0]!.p256dh, auth: targets[0]!.auth } }, payload(0), {
      TTL: 86_400,
      urgency: 'normal',
      topic: options.topic,
      vapidDetails: null as unknown as undefined,
      headers: { Authorization: sender.vapid.authorization(client.origin, site) },
    });
    const bareAgent = new Agent({ ca, keepAlive: true, maxSockets: 8 });
    const postAll = (count: number) =>
      callers(
        count,
        () =>
          new Promise<void>((resolve, reject) => {
            const req = request(fixed.endpoint, { method: 'POST', agent: bareAgent, headers: fixed.headers as Record<string, string> }, (res) => {
              if (res.statusCode !== 201) failed++;
              res.resume().on('end', resolve);
            });
            req.on('error', reject);
            req.end(fixed.body);
          }),
      );

    encryptAll(500); // warm-up: JIT, TLS connections, the VAPID token
    await sendAll(500);
    await postAll(500);
    const raw: number[] = [];
    const bare: number[] = [];
    const sent: number[] = [];
    const wall: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const e = await measure(() => encryptAll(n));
      raw.push(n / e.cpuS);
      const p = await measure(() => postAll(n));
      bare.push(n / p.cpuS);
      const s = await measure(() => sendAll(n));
      sent.push(n / s.cpuS);
      wall.push(n / s.wallS);
    }
    if (failed) throw new Error(`${failed} requests were not answered 201`);
    bareAgent.destroy();

    // web-push as usually called: VAPID details given, so every message signs a new JWT (no request made).
    const usual = quick ? 300 : 1_000;
    const u = await measure(() => {
      for (let i = 0; i < usual; i++) {
        webPush.generateRequestDetails({ endpoint: targets[i % 50]!.endpoint, keys: { p256dh: targets[i % 50]!.p256dh, auth: targets[i % 50]!.auth } }, payload(i), {
          vapidDetails: site,
          TTL: 86_400,
        });
      }
    });

    const messages = await client.messages();
    const refusals = await client.refusals();
    const rawRate = median(raw);
    const postRate = median(bare);
    const bound = 1 / (1 / rawRate + 1 / postRate);
    const sendRate = median(sent);
    console.log(`raw aes128gcm encryption (webPush.encrypt, ${Buffer.byteLength(payload(0))}-byte payload): ${fmt(rawRate)} messages per CPU-second`);
    console.log(`bare HTTPS POST of one encrypted body, same headers, keep-alive, 8 in flight: ${fmt(postRate)} per CPU-second; encrypt-then-POST bound ${fmt(bound)} = ${(bound / rawRate).toFixed(2)}× raw`);
    console.log(
      `PushSender.send → local push service: ${fmt(sendRate)} messages per CPU-second of the sender, ratio to raw ${(sendRate / rawRate).toFixed(2)} (goal ≥ 0.90), ` +
        `${(sendRate / bound).toFixed(2)} of the bound; wall ${fmt(median(wall))} messages/s with the service in a child process`,
    );
    console.log(`  web-push as usually called (a VAPID JWT signed per message, no request): ${fmt(usual / u.cpuS)} per CPU-second`);
    console.log(
      `  checked: the service verified and decrypted ${fmt(messages.length)} messages, refused ${refusals.length}; the sender signed ${sender.vapid.signatures} VAPID token(s). ` +
        `Medians of ${rounds} round(s) of ${fmt(n)}, the three paths alternating; CPU = user + system time of this process.`,
    );
    sender.close();
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await pushBench(process.argv.includes('--quick'));
