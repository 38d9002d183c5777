import { createECDH, randomBytes } from 'node:crypto';
import { Agent, createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { decryptAes128gcm, DecryptError } from './aes128gcm-decrypt.ts';
import { handleControl } from './local-push-control.ts';
import { makeSelfSignedCert, type SelfSignedCert } from './self-signed-cert.ts';
import { verifyVapid, type VapidClaims } from './vapid-verify.ts';

/** A subscription as PushSubscription.toJSON() gives it; the service keeps its private key and auth secret. */
export interface LocalSubscription {
  endpoint: string;
  expirationTime: null;
  keys: { p256dh: string; auth: string };
}

/** One push message the service accepted, decrypted. */
export interface ReceivedMessage {
  endpoint: string;
  ttl: number;
  urgency: string | null;
  topic: string | null;
  claims: VapidClaims;
  /** the VAPID public key (k=) and the JWT (t=) it came with */
  vapidKey: string;
  token: string;
  text: string;
  recordSize: number;
  records: number;
  receivedAt: number;
}

/** A request the service answered with an error, and why. */
export interface Refusal {
  endpoint: string;
  status: number;
  reason: string;
}

/** An answer to force: 429 with Retry-After, 500, 404, 410 …, or closing the connection without one. */
export type Fault = { status: number; retryAfter?: string } | { hangUp: true };

interface Held {
  privateKey: Buffer;
  publicKey: Buffer;
  authSecret: Buffer;
  applicationServerKey: Buffer | null;
}

export interface LocalPushServiceOptions {
  /** the clock the JWT's exp is judged by (tests that move time move it here too) */
  now?: () => number;
}

const MAX_BODY = 4096; // RFC 8030 §7.2: a push service must accept at least 4096 bytes, may refuse more
const urgencies = new Set(['very-low', 'low', 'normal', 'high']);

/**
 * A Web Push service on https://127.0.0.1:PORT for tests: it hands out subscriptions, receives real web-push
 * requests (RFC 8030), verifies their VAPID JWT (RFC 8292), decrypts the aes128gcm body (RFC 8291) with the
 * subscription's keys, and records what arrived. It can be told to fail or to be slow. Use it in-process
 * (`LocalPushService.start()`), or as its own process (local-push-service-main.ts) driven through /_control.
 */
export class LocalPushService {
  readonly messages: ReceivedMessage[] = [];
  readonly refusals: Refusal[] = [];
  /** push requests received, answered or not, and the most that were open at once */
  requests = 0;
  inFlight = 0;
  maxInFlight = 0;
  private readonly held = new Map<string, Held>();
  private readonly removed = new Set<string>();
  private readonly faultsFor = new Map<string, { fault: Fault; left: number }>();
  private nextFaults: { fault: Fault; left: number } | null = null;
  private delayMs = 0;
  private waiters: Array<() => void> = [];
  private readonly verifiedTokens = new Set<string>();

  private constructor(
    private readonly server: Server,
    private readonly cert: SelfSignedCert,
    /** `https://127.0.0.1:PORT`, the audience every VAPID JWT must name */
    readonly origin: string,
    /** an https.Agent that trusts this service's certificate, for in-process senders */
    readonly agent: Agent,
    private readonly now: () => number,
  ) {}

  static async start(options: LocalPushServiceOptions = {}): Promise<LocalPushService> {
    const cert = await makeSelfSignedCert();
    let service: LocalPushService | undefined;
    const server = createServer({ key: cert.key, cert: cert.cert }, (req, res) => void service!.handle(req, res));
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const agent = new Agent({ ca: cert.cert, keepAlive: true });
    service = new LocalPushService(server, cert, `https://127.0.0.1:${port}`, agent, options.now ?? Date.now);
    return service;
  }

  /** The certificate (PEM), its own CA; a child process trusts it through NODE_EXTRA_CA_CERTS=caFile. */
  get ca(): string {
    return this.cert.cert;
  }
  get caFile(): string {
    return this.cert.certFile;
  }

  /**
   * A new subscription, as a browser's pushManager.subscribe() would give it. With `applicationServerKey` (the
   * site's VAPID public key, base64url) only requests signed with that key are accepted, as browsers' services do.
   */
  subscribe(options: { applicationServerKey?: string } = {}): LocalSubscription {
    const ecdh = createECDH('prime256v1');
    const publicKey = ecdh.generateKeys();
    const id = randomBytes(16).toString('base64url');
    const authSecret = randomBytes(16);
    const ask = options.applicationServerKey ? Buffer.from(options.applicationServerKey, 'base64url') : null;
    this.held.set(id, { privateKey: ecdh.getPrivateKey(), publicKey, authSecret, applicationServerKey: ask });
    return { endpoint: `${this.origin}/push/${id}`, expirationTime: null, keys: { p256dh: publicKey.toString('base64url'), auth: authSecret.toString('base64url') } };
  }

  /** The subscription ends, as when a user revokes permission: later requests get 410 Gone. */
  unsubscribe(endpoint: string): void {
    const id = this.idOf(endpoint);
    if (this.held.delete(id)) this.removed.add(id);
  }

  messagesFor(endpoint: string): ReceivedMessage[] {
    return this.messages.filter((m) => m.endpoint === endpoint);
  }

  /** Answer the next `count` push requests with `fault` (whatever their subscription). */
  failNext(count: number, fault: Fault): void {
    this.nextFaults = { fault, left: count };
  }

  /** Answer requests for one subscription with `fault`, `count` times (default: until reset). */
  failFor(endpoint: string, fault: Fault, count = Infinity): void {
    this.faultsFor.set(this.idOf(endpoint), { fault, left: count });
  }

  /** Hold every push request this long before answering. */
  delay(ms: number): void {
    this.delayMs = ms;
  }

  /** Forget messages, refusals, faults, the delay and the counters; subscriptions stay. */
  reset(): void {
    this.messages.length = 0;
    this.refusals.length = 0;
    this.faultsFor.clear();
    this.nextFaults = null;
    this.delayMs = 0;
    this.requests = this.maxInFlight = 0;
  }

  /** Resolves once at least `count` messages have arrived. */
  async waitForMessages(count: number, timeoutMs = 5000): Promise<ReceivedMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.messages.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`local push service: ${this.messages.length} of ${count} messages after ${timeoutMs} ms`);
      await Promise.race([new Promise<void>((r) => this.waiters.push(r)), sleep(left)]);
    }
    return this.messages.slice();
  }

  async close(): Promise<void> {
    this.agent.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.cert.remove();
  }

  private idOf(endpoint: string): string {
    return endpoint.slice(endpoint.lastIndexOf('/') + 1);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/_control/')) return handleControl(this, req, res, path);
    this.requests++;
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    res.once('close', () => this.inFlight--);
    const endpoint = `${this.origin}${path}`;
    const refuse = (status: number, reason: string, headers: Record<string, string> = {}) => {
      this.refusals.push({ endpoint, status, reason });
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify({ reason }));
    };
    try {
      const body = await readBody(req, MAX_BODY);
      if (this.delayMs) await sleep(this.delayMs);
      const id = /^\/push\/([\w-]+)$/.exec(path)?.[1];
      if (req.method !== 'POST' || !id) return refuse(404, 'not a push resource');
      const fault = this.takeFault(id);
      if (fault && 'hangUp' in fault) {
        this.refusals.push({ endpoint, status: 0, reason: 'hung up' });
        return void req.socket.destroy();
      }
      if (fault) return refuse(fault.status, 'forced', fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter });
      const sub = this.held.get(id);
      if (!sub) return this.removed.has(id) ? refuse(410, 'subscription expired or unsubscribed') : refuse(404, 'no such subscription');
      if (body === null) return refuse(413, `body larger than ${MAX_BODY} bytes`);

      const vapid = verifyVapid(req.headers.authorization, this.origin, this.now(), this.verifiedTokens);
      if (!vapid.ok) return refuse(vapid.status, vapid.reason);
      if (sub.applicationServerKey && !sub.applicationServerKey.equals(Buffer.from(vapid.publicKey, 'base64url'))) {
        return refuse(403, 'k is not the applicationServerKey this subscription was made with');
      }
      const ttl = req.headers.ttl;
      if (typeof ttl !== 'string' || !/^\d{1,10}$/.test(ttl)) return refuse(400, 'TTL header missing or not a whole number');
      const urgency = header(req, 'urgency');
      if (urgency !== null && !urgencies.has(urgency)) return refuse(400, `Urgency ${urgency} is not one of very-low, low, normal, high`);
      const topic = header(req, 'topic');
      if (topic !== null && !/^[A-Za-z0-9_-]{1,32}$/.test(topic)) return refuse(400, 'Topic must be 1-32 characters of the URL-safe base64 alphabet');
      if (req.headers['content-encoding'] !== 'aes128gcm') return refuse(415, 'Content-Encoding must be aes128gcm');

      const decrypted = decryptAes128gcm(body, sub);
      if (decrypted.records !== 1) return refuse(400, `RFC 8291 §4: a push message is one record, got ${decrypted.records}`);
      this.messages.push({
        endpoint,
        ttl: Number(ttl),
        urgency,
        topic,
        claims: vapid.claims,
        vapidKey: vapid.publicKey,
        token: vapid.token,
        text: decrypted.plaintext.toString('utf8'),
        recordSize: decrypted.recordSize,
        records: decrypted.records,
        receivedAt: this.now(),
      });
      for (const wake of this.waiters.splice(0)) wake();
      res.writeHead(201, { location: `/message/${randomBytes(8).toString('hex')}` }).end();
    } catch (err) {
      if (err instanceof DecryptError) return refuse(400, `cannot decrypt: ${err.message}`);
      if (!res.headersSent) refuse(500, String(err));
    }
  }

  private takeFault(id: string): Fault | null {
    const f = this.faultsFor.get(id) ?? (this.nextFaults && this.nextFaults.left > 0 ? this.nextFaults : null);
    if (!f) return null;
    f.left--;
    if (f.left <= 0 && this.faultsFor.get(id) === f) this.faultsFor.delete(id);
    return f.fault;
  }
}

function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return typeof v === 'string' ? v : null;
}

/** The request body, or null when it is longer than `max` bytes (the rest is drained, not kept). */
async function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= max) chunks.push(chunk);
  }
  return size > max ? null : Buffer.concat(chunks);
}
