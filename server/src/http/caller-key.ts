import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { addressKey, clientAddress } from './client-address.ts';

/** The caller's address as rate limiters key it (salted, never stored), by the collector's proxy rule. */
export function callerKey(c: Context, trustProxy: number): string {
  return addressKey(callerAddress(c, trustProxy));
}

/** The caller's raw address by the same rule (for keys that must agree across instances, hashed by the caller). */
export function callerAddress(c: Context, trustProxy: number): string | undefined {
  let remote: string | undefined;
  try {
    remote = getConnInfo(c).remote.address;
  } catch {
    remote = undefined; // app.request() has no socket
  }
  return clientAddress(c.req.header('x-forwarded-for'), remote, trustProxy);
}
