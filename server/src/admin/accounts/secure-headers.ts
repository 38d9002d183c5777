import type { MiddlewareHandler } from 'hono';
import { isHttps } from './request-scheme.ts';

/** The admin app loads only its own files and calls only its own API; the data it shows is escaped by Preact. */
export const adminContentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export const adminSecurityHeaders: Record<string, string> = {
  'content-security-policy': adminContentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** Sets the headers on every answer under it, errors included; HSTS only when the request came over https. */
export function adminSecureHeaders(trustProxy: number): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(adminSecurityHeaders)) c.res.headers.set(name, value);
    if (isHttps(c, trustProxy)) c.res.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
  };
}
