import type { Agent } from 'node:https';
import type { LookupFunction } from 'node:net';
import webPush from 'web-push';
import { checkEndpoint, type EndpointPolicy } from '../endpoints/endpoint-policy.ts';
import { AddressRefusedError, GuardedAgent } from './guarded-agent.ts';
import { OriginLimit } from './origin-limit.ts';
import { pushTopic } from './push-topic.ts';
import { retryAfterMs } from './retry-after.ts';
import { VapidTokens, type VapidKeys } from './vapid-tokens.ts';

export type { VapidKeys } from './vapid-tokens.ts';

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushOptions {
  ttlSeconds: number;
  urgency: 'very-low' | 'low' | 'normal' | 'high';
  /** replaces a pending message with the same topic on the push service; made to fit RFC 8030 by pushTopic */
  topic?: string;
}

export type PushOutcome =
  | { kind: 'delivered'; status: number }
  | { kind: 'gone'; status: number } // 404/410: remove the subscription
  | { kind: 'retry'; status: number | null; retryAfterMs: number | null; error: string } // 429, 5xx, network, timeout
  | { kind: 'rejected'; status: number; error: string } // other 4xx: do not retry this message
  | { kind: 'refused'; error: string }; // the endpoint failed the allow-list or the address check at send time

export interface PushSenderOptions {
  endpoints: EndpointPolicy;
  /** TLS trust to connect with (e.g. a test push service's `ca`): its TLS options are taken into the sender's own guarded agent */
  agent?: Agent;
  /** requests in flight per push-service origin (default 8) */
  perServiceConcurrency?: number;
  /** a request taking longer than this (no answer, or a stalled socket) is a retry (default 15 s) */
  timeoutMs?: number;
  now?: () => number;
  /** the resolver connections use (default dns.lookup); tests inject one */
  lookup?: LookupFunction;
}

/** The largest payload one aes128gcm record carries in the 4,096 bytes every push service accepts (86-byte header, delimiter, tag). */
export const MAX_PAYLOAD_BYTES = 4096 - 86 - 1 - 16;
const MAX_TTL_SECONDS = 28 * 24 * 60 * 60; // FCM's and web-push's ceiling

const tlsKeys = ['ca', 'cert', 'key', 'pfx', 'passphrase', 'rejectUnauthorized', 'ciphers', 'minVersion', 'maxVersion', 'servername'] as const;

/**
 * Sends Web Push messages: web-push encrypts (RFC 8291) and makes the request (RFC 8030); this class adds what a
 * server that sends millions of them needs: the allow-list and address check on every send, a VAPID token per
 * push-service origin reused for hours, a per-origin concurrency limit, and an outcome the outbox can act on.
 * `send` resolves with an outcome for every answer, network failure or timeout; it throws only on a caller's
 * mistake (a payload over MAX_PAYLOAD_BYTES, a TTL that is not a number, unusable VAPID keys).
 */
export class PushSender {
  readonly vapid: VapidTokens;
  private readonly policy: EndpointPolicy;
  private readonly agent: GuardedAgent;
  private readonly limit: OriginLimit;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(options: PushSenderOptions) {
    const concurrency = options.perServiceConcurrency ?? 8;
    this.policy = options.endpoints;
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.vapid = new VapidTokens(this.now);
    this.limit = new OriginLimit(concurrency);
    const tls: Record<string, unknown> = {};
    const given = options.agent?.options as Record<string, unknown> | undefined;
    for (const k of tlsKeys) if (given?.[k] !== undefined) tls[k] = given[k];
    // Always our own agent, whatever was passed in: the address check must not depend on the caller's choice.
    this.agent = new GuardedAgent({ ...tls, policy: this.policy, lookup: options.lookup, keepAlive: true, maxSockets: concurrency, scheduling: 'lifo' });
  }

  async send(target: PushTarget, payload: string, vapid: VapidKeys, options: PushOptions): Promise<PushOutcome> {
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) throw new RangeError(`push payload is ${Buffer.byteLength(payload)} bytes, more than ${MAX_PAYLOAD_BYTES}`);
    if (!Number.isFinite(options.ttlSeconds)) throw new RangeError(`ttlSeconds must be a number, got ${options.ttlSeconds}`);
    const checked = checkEndpoint(target.endpoint, this.policy);
    if (!checked.ok) return { kind: 'refused', error: `endpoint ${checked.reason}` };
    const endpoint = fcmForLegacyGcm(checked.url);
    const origin = new URL(endpoint).origin;
    const authorization = this.vapid.authorization(origin, vapid);
    const topic = pushTopic(options.topic);

    return this.limit.run(origin, async () => {
      try {
        const res = await webPush.sendNotification({ endpoint, keys: { p256dh: unpadded(target.p256dh), auth: unpadded(target.auth) } }, payload, {
          TTL: Math.min(MAX_TTL_SECONDS, Math.max(0, Math.floor(options.ttlSeconds))),
          urgency: options.urgency,
          ...(topic ? { topic } : {}),
          contentEncoding: 'aes128gcm',
          // null, not absent: web-push then never signs, even if someone called webPush.setVapidDetails (its
          // typings allow only an object); the cached token is the Authorization header
          vapidDetails: null as unknown as undefined,
          headers: { Authorization: authorization },
          agent: this.agent,
          timeout: this.timeoutMs,
        });
        return { kind: 'delivered', status: res.statusCode };
      } catch (err) {
        return this.outcomeOf(err);
      }
    });
  }

  /** Closes idle connections (shutdown, tests). */
  close(): void {
    this.agent.destroy();
  }

  private outcomeOf(err: unknown): PushOutcome {
    if (err instanceof webPush.WebPushError) {
      const status = err.statusCode;
      const error = `push service answered ${status}${err.body ? `: ${String(err.body).slice(0, 200)}` : ''}`;
      if (status === 404 || status === 410) return { kind: 'gone', status };
      if (status === 429 || status >= 500) return { kind: 'retry', status, retryAfterMs: retryAfterMs(err.headers['retry-after'], this.now()), error };
      return { kind: 'rejected', status, error };
    }
    if (err instanceof AddressRefusedError) return { kind: 'refused', error: err.message };
    const code = (err as NodeJS.ErrnoException)?.code;
    const message = err instanceof Error ? err.message : String(err);
    if (message === 'Socket timeout') return { kind: 'retry', status: null, retryAfterMs: null, error: `timeout: no answer for ${this.timeoutMs} ms` };
    return { kind: 'retry', status: null, retryAfterMs: null, error: code ? `${code}: ${message}` : message };
  }
}

/**
 * Chrome's old subscriptions name android.googleapis.com/gcm/send/…, a service Google shut down in 2019; FCM
 * takes the same tokens at fcm.googleapis.com/fcm/send/… with VAPID (and web-push would treat the old URL as
 * GCM, wanting a server key).
 */
function fcmForLegacyGcm(url: URL): string {
  if (url.hostname === 'android.googleapis.com' && url.pathname.startsWith('/gcm/send/')) {
    return `https://fcm.googleapis.com/fcm/send/${url.pathname.slice('/gcm/send/'.length)}${url.search}`;
  }
  return url.href;
}

const unpadded = (b64: string) => b64.replace(/=+$/, '');
