import { request } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Fault, LocalPushService, LocalSubscription, ReceivedMessage, Refusal } from './local-push-service.ts';

/**
 * The local push service's control routes, for a test that runs it in another process (local-push-service-main.ts):
 *   POST /_control/subscriptions {applicationServerKey?}   → a subscription (the service keeps its private keys)
 *   POST /_control/unsubscribe {endpoint}                   → later sends to it get 410
 *   GET  /_control/messages  ·  GET /_control/refusals      → what arrived (decrypted) and what was refused
 *   POST /_control/faults {status, retryAfter?, count?, endpoint?} or {hangUp: true, count?, endpoint?}  ·  POST /_control/delay {ms}  ·  POST /_control/reset
 * It listens on 127.0.0.1 only and exists only in tests.
 */
export async function handleControl(service: LocalPushService, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const send = (status: number, value: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  };
  let body: Record<string, unknown> = {};
  try {
    const chunks: Buffer[] = [];
    for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
    if (chunks.length) body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    return send(400, { error: 'body is not JSON' });
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  switch (`${req.method} ${path}`) {
    case 'POST /_control/subscriptions': {
      const key = str(body.applicationServerKey);
      return send(201, service.subscribe(key ? { applicationServerKey: key } : {}));
    }
    case 'POST /_control/unsubscribe':
      service.unsubscribe(str(body.endpoint) ?? '');
      return send(200, { ok: true });
    case 'GET /_control/messages':
      return send(200, service.messages);
    case 'GET /_control/refusals':
      return send(200, service.refusals);
    case 'POST /_control/faults': {
      const status = num(body.status);
      if (status === undefined && body.hangUp !== true) return send(400, { error: 'status or hangUp is required' });
      const retryAfter = str(body.retryAfter);
      const fault: Fault = status === undefined ? { hangUp: true } : retryAfter === undefined ? { status } : { status, retryAfter };
      const endpoint = str(body.endpoint);
      if (endpoint) service.failFor(endpoint, fault, num(body.count) ?? Infinity);
      else service.failNext(num(body.count) ?? 1, fault);
      return send(200, { ok: true });
    }
    case 'POST /_control/delay':
      service.delay(num(body.ms) ?? 0);
      return send(200, { ok: true });
    case 'POST /_control/reset':
      service.reset();
      return send(200, { ok: true });
    default:
      return send(404, { error: `no control route ${req.method} ${path}` });
  }
}

/** The other end: drives a local push service running in another process, given its origin and CA (PEM). */
export class LocalPushServiceClient {
  constructor(
    readonly origin: string,
    private readonly ca: string,
  ) {}

  subscribe(applicationServerKey?: string): Promise<LocalSubscription> {
    return this.call('POST', '/_control/subscriptions', applicationServerKey ? { applicationServerKey } : {});
  }
  unsubscribe(endpoint: string): Promise<void> {
    return this.call('POST', '/_control/unsubscribe', { endpoint });
  }
  messages(): Promise<ReceivedMessage[]> {
    return this.call('GET', '/_control/messages');
  }
  refusals(): Promise<Refusal[]> {
    return this.call('GET', '/_control/refusals');
  }
  fail(fault: Fault & { count?: number; endpoint?: string }): Promise<void> {
    return this.call('POST', '/_control/faults', fault);
  }
  delay(ms: number): Promise<void> {
    return this.call('POST', '/_control/delay', { ms });
  }
  reset(): Promise<void> {
    return this.call('POST', '/_control/reset', {});
  }

  private call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return new Promise((resolve, reject) => {
      const req = request(new URL(path, this.origin), { method, ca: this.ca, headers: { 'content-type': 'application/json' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((res.statusCode ?? 500) >= 400) reject(new Error(`local push service ${method} ${path}: ${res.statusCode} ${text}`));
          else resolve(JSON.parse(text) as T);
        });
      });
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
  }
}
