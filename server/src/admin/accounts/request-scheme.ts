import type { Context } from 'hono';
import { trustedHop } from '../../http/client-address.ts';

/**
 * Whether the browser reached us over https: the request's own URL, or, behind `trustProxy` proxies of your
 * own (SHOPLOOP_TRUST_PROXY), X-Forwarded-Proto read at the same hop as the client address (client-address.ts).
 */
export function isHttps(c: Context, trustProxy: number): boolean {
  const forwarded = c.req.header('x-forwarded-proto');
  if (trustProxy > 0 && forwarded) return trustedHop(forwarded, trustProxy)?.toLowerCase() === 'https';
  return new URL(c.req.url).protocol === 'https:';
}
