import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { addressKey, clientAddress } from './client-address.ts';

/** The caller's address as rate limiters key it (salted, never stored), by the collector's proxy rule. */
export function callerKey(c: Context, trustProxy: number): string {
  let remote: string | undefined;
  try {
    remote = getConnInfo(c).remote.address;
  } catch {
    remote = undefined; // app.request() has no socket
  }
  return addressKey(clientAddress(c.req.header('x-forwarded-for'), remote, trustProxy));
}
