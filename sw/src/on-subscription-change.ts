import { base64urlToBytes } from './base64url.ts';
import { readState } from './state.ts';
import { removeSubscription, saveSubscription } from './subscriptions-api.ts';
import { worker, type PushSubscriptionChangeEvent } from './worker-scope.ts';

/**
 * `pushsubscriptionchange`: the browser (or push service) replaced or ended the subscription. With the state the
 * page stored when the visitor subscribed, re-subscribe with the site's key unless the browser already did, tell
 * the server the new subscription and forget the old one. Without state the visitor had unsubscribed: nothing to do.
 */
export const onSubscriptionChange = async (event: PushSubscriptionChangeEvent): Promise<void> => {
  const state = await readState();
  if (!state) return;
  const renewed =
    event.newSubscription ??
    (await worker.registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: base64urlToBytes(state.publicKey),
    }));
  const old = event.oldSubscription?.endpoint;
  await Promise.all([
    saveSubscription(state, renewed),
    old && old != renewed.endpoint ? removeSubscription(state, old) : undefined,
  ]);
};
