import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createHash, randomBytes } from 'node:crypto';

// A per-process salt, so the rate limiter's keys can't be turned back into addresses. The raw address is
// used only for this hash and never stored.
const salt = randomBytes(16);

/** A salted hash of the caller's address, or 'unknown' when there is none (e.g. `app.request` in tests). */
export function clientAddressKey(c: Context, trustProxy: boolean): string {
  let address: string | undefined;
  if (trustProxy) address = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (!address) {
    try {
      address = getConnInfo(c).remote.address;
    } catch {
      address = undefined;
    }
  }
  if (!address) return 'unknown';
  return createHash('sha256').update(salt).update(address).digest('base64url').slice(0, 22);
}
