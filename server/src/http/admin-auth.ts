import type { MiddlewareHandler } from 'hono';
import { unauthorized } from './errors.ts';
import { safeEqual, sha256 } from '../sites/keys.ts';

/** Bearer-token guard for /admin/api: the token's SHA-256 is compared, never the token itself. */
export function adminAuth(tokenHash: () => Promise<string>): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthorized('send the admin token as "Authorization: Bearer <SHOPLOOP_ADMIN_TOKEN>"');
    if (!safeEqual(sha256(match[1]!), await tokenHash())) throw unauthorized('the admin token is not valid');
    await next();
  };
}
