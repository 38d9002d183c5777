import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isHttps } from './request-scheme.ts';

export const SESSION_COOKIE = 'sl_admin_session';

/** Sent only to /admin, never readable by scripts, never sent by another site's page, Secure on https. */
export function setSessionCookie(c: Context, token: string, maxAgeMs: number, trustProxy: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/admin',
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c, trustProxy),
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(c: Context, trustProxy: number): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/admin', httpOnly: true, sameSite: 'Strict', secure: isHttps(c, trustProxy) });
}

/** The cookie's token when it has the shape we issue (anything else is not looked up). */
export function sessionToken(c: Context): string | undefined {
  const value = getCookie(c, SESSION_COOKIE);
  return value && /^slas_[0-9a-z]{40}$/.test(value) ? value : undefined;
}
