import type { MiddlewareHandler } from 'hono';
import { ApiError, unauthorized } from '../../http/errors.ts';
import { safeEqual, sha256 } from '../../sites/keys.ts';
import type { Clock } from '../../clock.ts';
import { csrfMatches, isSafeMethod } from './csrf.ts';
import { sessionToken } from './session-cookie.ts';
import type { SessionStore } from './sessions.ts';

export const csrfRefused = () => new ApiError(403, 'csrf', 'send the session\'s CSRF token (from /admin/auth/session) as the "x-csrf-token" header');

/**
 * The guard of /admin/api: EITHER the bearer token (machines, scripts; its hash is read on every request, so
 * `admin reset-token` takes effect at once on every instance) OR the session cookie (the admin app), which on
 * every state change also needs the session's CSRF token.
 */
export function adminAccess(tokenHash: () => Promise<string>, sessions: SessionStore, clock: Clock): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw unauthorized('send the admin token as "Authorization: Bearer <token>"');
      if (!safeEqual(sha256(match[1]!), await tokenHash())) throw unauthorized('the admin token is not valid');
      return next();
    }
    const token = sessionToken(c);
    const session = token ? await sessions.read(token, clock.now()) : null;
    if (!token || !session) throw unauthorized('log in at /admin, or send the admin token as "Authorization: Bearer <token>"');
    if (!isSafeMethod(c.req.method) && !csrfMatches(token, c.req.header('x-csrf-token'))) throw csrfRefused();
    return next();
  };
}
