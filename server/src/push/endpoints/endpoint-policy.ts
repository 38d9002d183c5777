import { isIP } from 'node:net';
import { internalAddressReason, isInternalHostName } from './internal-address.ts';
import { pushServiceOf } from './push-services.ts';
import { decodeAuth, decodeP256dh } from './subscription-keys.ts';

/**
 * Which push endpoints the server may call. By default the browsers' push services (push-services.ts);
 * SHOPLOOP_PUSH_ENDPOINTS replaces them with a list of origins (a test push service on https://127.0.0.1:PORT).
 * Only a named origin may be an IP address or resolve to an internal one.
 */
export interface EndpointPolicy {
  /** origins (`https://host[:port]`, as URL.origin writes them) named in SHOPLOOP_PUSH_ENDPOINTS; empty: the known push services */
  readonly namedOrigins: ReadonlySet<string>;
}

export const MAX_ENDPOINT_LENGTH = 1024;

/** Reads SHOPLOOP_PUSH_ENDPOINTS; throws, naming the entry, when one is not a bare https origin. */
export function endpointPolicy(env: string | undefined): EndpointPolicy {
  const named = new Set<string>();
  if (env === undefined || env.trim() === '') return { namedOrigins: named };
  env.split(',').forEach((raw, i) => {
    const entry = raw.trim();
    const problem = originEntryProblem(entry);
    if (problem) throw new Error(`config: SHOPLOOP_PUSH_ENDPOINTS entry ${i + 1} ("${entry}") ${problem}`);
    named.add(new URL(entry).origin);
  });
  return { namedOrigins: named };
}

function originEntryProblem(entry: string): string | null {
  if (entry === '') return 'is empty';
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return 'is not a URL; write an origin such as https://127.0.0.1:8443';
  }
  if (url.protocol !== 'https:') return 'must use https (web-push speaks https only)';
  if (url.username || url.password) return 'must not carry a user name or password';
  if (url.pathname !== '/' || url.search || url.hash) {
    return 'must be an origin only (scheme, host, port), without a path, query or fragment';
  }
  return null;
}

export type EndpointCheck = { ok: true; url: URL; origin: string } | { ok: false; reason: string };

/** Whether the server may send to `endpoint` under `policy`, judged by its text (the address is checked at connect). */
export function checkEndpoint(endpoint: unknown, policy: EndpointPolicy): EndpointCheck {
  if (typeof endpoint !== 'string' || endpoint === '') return { ok: false, reason: 'is missing' };
  if (endpoint.length > MAX_ENDPOINT_LENGTH) return { ok: false, reason: `is longer than ${MAX_ENDPOINT_LENGTH} characters` };
  if (!/^[\x21-\x7e]+$/.test(endpoint)) return { ok: false, reason: 'must be printable ASCII without spaces' };
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { ok: false, reason: 'is not a URL' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'must use https' };
  if (url.username || url.password) return { ok: false, reason: 'must not carry a user name or password' };
  if (url.hash) return { ok: false, reason: 'must not have a fragment' };
  const origin = url.origin;
  if (policy.namedOrigins.has(origin)) return { ok: true, url, origin };

  const host = url.hostname.replace(/^\[|\]$/g, '');
  const named = policy.namedOrigins.size > 0;
  const hint = named ? `is not one of the origins in SHOPLOOP_PUSH_ENDPOINTS` : 'is not a known push service';
  if (isIP(host)) {
    const what = internalAddressReason(host) ? 'an internal address' : 'an IP address, not a push service name';
    return { ok: false, reason: `host ${host} is ${what} (only an origin named in SHOPLOOP_PUSH_ENDPOINTS may be one)` };
  }
  if (isInternalHostName(host)) return { ok: false, reason: `host ${host} is an internal name and ${hint}` };
  if (named) return { ok: false, reason: `origin ${origin} ${hint}` };
  if (!pushServiceOf(host)) return { ok: false, reason: `host ${host} ${hint} (Google FCM, Mozilla, Apple, Microsoft)` };
  if (url.port !== '') return { ok: false, reason: `a push service is reached on port 443, not ${url.port}` };
  return { ok: true, url, origin };
}

/** An origin the operator named may be reached on any address, a loopback test service included. */
export const mayUseInternalAddress = (origin: string, policy: EndpointPolicy): boolean => policy.namedOrigins.has(origin);

export type SubscriptionCheck = { ok: true } | { ok: false; field: string; reason: string };

/** Checks a browser's PushSubscription before it is stored: the endpoint under `policy`, and both keys. */
export function checkSubscription(
  sub: { endpoint: string; keys: { p256dh: string; auth: string } },
  policy: EndpointPolicy,
): SubscriptionCheck {
  const endpoint = checkEndpoint(sub?.endpoint, policy);
  if (!endpoint.ok) return { ok: false, field: 'endpoint', reason: `endpoint ${endpoint.reason}` };
  const p256dh = decodeP256dh(sub.keys?.p256dh);
  if (!p256dh.ok) return { ok: false, field: 'keys.p256dh', reason: `keys.p256dh ${p256dh.reason}` };
  const auth = decodeAuth(sub.keys?.auth);
  if (!auth.ok) return { ok: false, field: 'keys.auth', reason: `keys.auth ${auth.reason}` };
  return { ok: true };
}
