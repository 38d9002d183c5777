import { createHash, randomBytes } from 'node:crypto';

// A per-process salt, so the rate limiter's keys can't be turned back into addresses. The raw address is
// used only for this hash and never stored.
const salt = randomBytes(16);

/** A salted hash of an address, or 'unknown' when there is none (e.g. `app.request` in tests). */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  return createHash('sha256').update(salt).update(address).digest('base64url').slice(0, 22);
}

/**
 * The caller's address behind `trustedProxies` reverse proxies of your own (0: none, the socket's peer).
 * Each proxy appends the address it saw to X-Forwarded-For (nginx's `$proxy_add_x_forwarded_for`), after
 * whatever the client wrote there itself: so the address the outermost trusted proxy saw is the N-th from the
 * right, and anything left of it is the client's own say. A shorter list (a request that skipped an outer
 * proxy) gives its left-most entry, the address the first proxy it met saw.
 */
export function clientAddress(forwardedFor: string | undefined, remote: string | undefined, trustedProxies: number): string | undefined {
  if (trustedProxies <= 0 || !forwardedFor) return remote;
  return trustedHop(forwardedFor, trustedProxies) || remote;
}

/** The entry of a proxy-appended list (X-Forwarded-For, X-Forwarded-Proto) that the outermost trusted proxy wrote, by the rule above. */
export function trustedHop(list: string, trustedProxies: number): string | undefined {
  const hops = list.split(',').map((hop) => hop.trim());
  return hops[Math.max(0, hops.length - trustedProxies)];
}
