import { createHash } from 'node:crypto';
import { safeEqual } from '../../sites/keys.ts';

/**
 * A session's CSRF token, derived from the cookie's token rather than stored: a page of another origin can
 * make the browser send the cookie but can read neither it nor this. The database holds only the session
 * token's plain SHA-256, from which this cannot be computed.
 */
export const csrfTokenFor = (sessionToken: string): string =>
  createHash('sha256').update('shoploop admin csrf\0').update(sessionToken).digest('base64url');

export const csrfMatches = (sessionToken: string, header: string | undefined): boolean =>
  header !== undefined && safeEqual(header, csrfTokenFor(sessionToken));

/** Methods that change nothing and need no CSRF token. */
export const isSafeMethod = (method: string): boolean => method === 'GET' || method === 'HEAD';
