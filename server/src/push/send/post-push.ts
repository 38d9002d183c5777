import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { request, type Agent } from 'node:https';

export interface PushResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** the start of the body, for the error message (push services explain a refusal in a line or two) */
  body: string;
}

/** The push service did not answer within the deadline. */
export class PushTimeoutError extends Error {
  override name = 'PushTimeoutError';
}

const BODY_KEPT = 512;

/**
 * POSTs one push message as web-push's generateRequestDetails describes it. Two things web-push's own
 * sendNotification does not do: a deadline for the whole exchange (its timeout only fires on an idle socket),
 * and one immediate second attempt when a kept-alive connection turns out to have been closed by the push service
 * just as it was reused (ECONNRESET on `reusedSocket`, the race Node's documentation describes) — that message never
 * reached the service, so it would otherwise wait for the outbox's backoff for nothing.
 */
export function postPush(
  details: { endpoint: string; headers: OutgoingHttpHeaders; body: Buffer | null },
  agent: Agent,
  timeoutMs: number,
  firstAttempt = true,
): Promise<PushResponse> {
  return new Promise((resolve, reject) => {
    const req = request(details.endpoint, { method: 'POST', headers: details.headers, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (body.length < BODY_KEPT) body += chunk.slice(0, BODY_KEPT - body.length);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    const timer = setTimeout(() => req.destroy(new PushTimeoutError(`timeout: no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (firstAttempt && req.reusedSocket && err.code === 'ECONNRESET') resolve(postPush(details, agent, timeoutMs, false));
      else reject(err);
    });
    req.end(details.body ?? undefined);
  });
}
