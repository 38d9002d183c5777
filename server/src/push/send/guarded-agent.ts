import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { Agent, type AgentOptions } from 'node:https';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { mayUseInternalAddress, type EndpointPolicy } from '../endpoints/endpoint-policy.ts';
import { internalAddressReason } from '../endpoints/internal-address.ts';

/** The connection was not made: the push endpoint's host is, or resolved to, an internal address. */
export class AddressRefusedError extends Error {
  override name = 'AddressRefusedError';
  readonly code = 'ERR_PUSH_ADDRESS_REFUSED';
}

export interface GuardedAgentOptions extends AgentOptions {
  policy: EndpointPolicy;
  /** the resolver (default dns.lookup); tests inject one that answers a private address */
  lookup?: LookupFunction;
}

/**
 * An https.Agent that never connects to an internal address unless the origin is named in
 * SHOPLOOP_PUSH_ENDPOINTS. The check sits in the connection itself: the resolver's answer is judged by the
 * lookup the socket connects with, so a name that resolves to a public address when a subscription is stored and
 * to 169.254.169.254 when a message is sent (DNS rebinding) is refused at that moment, and an IP literal (which
 * net.connect never looks up) is judged before connecting.
 */
export class GuardedAgent extends Agent {
  private readonly policy: EndpointPolicy;
  private readonly guardedLookup: LookupFunction;

  constructor({ policy, lookup, ...options }: GuardedAgentOptions) {
    super(options);
    this.policy = policy;
    this.guardedLookup = refusingInternal(lookup ?? (dnsLookup as LookupFunction));
  }

  override createConnection(options: Record<string, unknown>, callback: (err: Error | null, socket?: Duplex) => void): Duplex | undefined {
    const host = String(options.host ?? options.hostname ?? '').replace(/^\[|\]$/g, '');
    const port = Number(options.port ?? 443);
    const origin = new URL(`https://${isIP(host) === 6 ? `[${host}]` : host}:${port}`).origin;
    if (mayUseInternalAddress(origin, this.policy)) {
      return (Agent.prototype as unknown as ConnectionFactory).createConnection.call(this, options, callback);
    }
    if (isIP(host)) {
      const reason = internalAddressReason(host);
      if (reason) {
        callback(new AddressRefusedError(`refused to connect to ${origin}: ${reason}`));
        return undefined;
      }
    }
    return (Agent.prototype as unknown as ConnectionFactory).createConnection.call(this, { ...options, lookup: this.guardedLookup }, callback);
  }
}

interface ConnectionFactory {
  createConnection(this: Agent, options: Record<string, unknown>, callback: (err: Error | null, socket?: Duplex) => void): Socket | undefined;
}

/** Wraps a resolver so that any internal address in its answer fails the lookup (and so the connection). */
export function refusingInternal(base: LookupFunction): LookupFunction {
  return ((hostname: string, options: { all?: boolean }, callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    base(hostname, options, (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => {
      if (err) return callback(err, address, family);
      const answers = Array.isArray(address) ? address : [{ address, family: family ?? 4 }];
      for (const a of answers) {
        const reason = internalAddressReason(a.address);
        // One internal answer refuses the name: a host that resolves partly inside is not a push service.
        if (reason) return callback(new AddressRefusedError(`refused to connect to ${hostname}, resolved to an internal address: ${reason}`), address, family);
      }
      callback(null, address, family);
    });
  }) as LookupFunction;
}
