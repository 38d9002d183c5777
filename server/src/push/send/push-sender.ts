import type { Agent } from 'node:https';
import type { LookupFunction } from 'node:net';
import webPush from 'web-push';
import { checkEndpoint, type EndpointPolicy } from '../endpoints/endpoint-policy.ts';
import { AddressRefusedError, GuardedAgent } from './guarded-agent.ts';
import { OriginLimit } from './origin-limit.ts';
import { postPush, type PushResponse } from './post-push.ts';
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
 * Sends Web Push messages: web-push encrypts (RFC 8291) and writes the request (RFC 8030), postPush sends it; this
 * class adds what a server that sends millions of them needs: the allow-list and address check on every send, a
 * VAPID token per push-service origin reused for hours, a per-origin concurrency limit, and an outcome the outbox
 * can act on ('refused' also covers keys nothing can be encrypted for).
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

    // web-push encrypts (RFC 8291) and writes the request's headers; it never signs, as the cached token is given.
    let details: webPush.RequestDetails;
    try {
      details = webPush.generateRequestDetails({ endpoint, keys: { p256dh: unpadded(target.p256dh), auth: unpadded(target.auth) } }, payload, {
        TTL: Math.min(MAX_TTL_SECONDS, Math.max(0, Math.floor(options.ttlSeconds))),
        urgency: options.urgency,
        ...(topic ? { topic } : {}),
        contentEncoding: 'aes128gcm',
        // null, not absent: then web-push ignores any webPush.setVapidDetails made elsewhere (its typings want an object)
        vapidDetails: null as unknown as undefined,
        headers: { Authorization: authorization },
      });
    } catch (err) {
      // keys that passed no checkSubscription (a p256dh off the curve, a short auth): nothing can be sent to them
      return { kind: 'refused', error: `subscription keys unusable: ${err instanceof Error ? err.message : String(err)}` };
    }
    return this.limit.run(origin, async () => {
      try {
        return this.outcomeOf(await postPush(details, this.agent, this.timeoutMs));
      } catch (err) {
        return this.failureOf(err);
      }
    });
  }

  /** Closes idle connections (shutdown, tests). */
  close(): void {
    this.agent.destroy();
  }

  private outcomeOf(res: PushResponse): PushOutcome {
    const { status } = res;
    if (status >= 200 && status < 300) return { kind: 'delivered', status };
    const error = `push service answered ${status}${res.body ? `: ${res.body.slice(0, 200)}` : ''}`;
    if (status === 404 || status === 410) return { kind: 'gone', status };
    if (status === 429 || status >= 500) return { kind: 'retry', status, retryAfterMs: retryAfterMs(res.headers['retry-after'], this.now()), error };
    return { kind: 'rejected', status, error }; // other 4xx, and a redirect (never followed)
  }

  private failureOf(err: unknown): PushOutcome {
    if (err instanceof AddressRefusedError) return { kind: 'refused', error: err.message };
    const code = (err as NodeJS.ErrnoException)?.code;
    const message = err instanceof Error ? err.message : String(err);
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
