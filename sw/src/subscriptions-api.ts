import type { WorkerState } from './state.ts';

// The server's subscription routes (push-design.md, "HTTP"), called by the page's UI when the visitor subscribes
// or unsubscribes, and by sw.js when the browser replaces a subscription. JSON sent as text/plain, like the
// collector's batches: the POST needs no CORS preflight (the DELETE always has one).

type Where = Pick<WorkerState, 'api' | 'site'>;

const send = async (method: 'POST' | 'DELETE', { api }: Where, body: object): Promise<void> => {
  const response = await fetch(api + '/v1/push/subscriptions', { method, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} /v1/push/subscriptions: ${response.status}`);
};

/** POST: the server keeps this subscription for the visitor (201), or refuses it (an error). */
export const saveSubscription = ({ api, site, vid }: Omit<WorkerState, 'publicKey'>, subscription: PushSubscription): Promise<void> =>
  send('POST', { api, site }, {
    site,
    vid,
    subscription: subscription.toJSON(),
    tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });

/** DELETE: the server forgets the subscription with this endpoint at once. */
export const removeSubscription = (where: Where, endpoint: string): Promise<void> =>
  send('DELETE', where, { site: where.site, endpoint });
