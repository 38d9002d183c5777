import { createHash, randomBytes } from 'node:crypto';

// A per-process salt, so the rate limiter's keys can't be turned back into addresses. The raw address is
// used only for this hash and never stored.
const salt = randomBytes(16);

/** A salted hash of an address, or 'unknown' when there is none (e.g. `app.request` in tests). */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  return createHash('sha256').update(salt).update(address).digest('base64url').slice(0, 22);
}

/** The caller's address: the first X-Forwarded-For hop behind a trusted proxy, else the socket's peer. */
export function clientAddress(forwardedFor: string | undefined, remote: string | undefined, trustProxy: boolean): string | undefined {
  return (trustProxy ? forwardedFor?.split(',')[0]?.trim() : undefined) || remote;
}
