import { base64urlToBytes } from '../../../../sw/src/base64url.ts';
import { clearState, writeState } from '../../../../sw/src/state.ts';
import { removeSubscription, saveSubscription } from '../../../../sw/src/subscriptions-api.ts';
import type { BlockConfig } from '../../tracker/blocks.ts';
import { currentSubscription, registerWorker } from './registration.ts';
import type { WorkerOptions } from './worker-options.ts';

/** Everything a yes needs, gathered before the prompt is shown. */
export interface Offer {
  config: BlockConfig;
  vid: string;
  publicKey: string;
  worker: WorkerOptions;
}

/** `declined`: the browser's dialog was dismissed; `blocked`: permission denied; `failed`: anything after that. */
export type SubscribeOutcome = 'subscribed' | 'declined' | 'blocked' | 'failed';

/**
 * After the visitor's yes, with the browser's permission already asked inside the click: registers the worker,
 * subscribes with the site's key, tells the server, and leaves sw.js its state (for pushsubscriptionchange). A
 * subscription the server refuses is dropped again, so the browser never holds one the server does not know.
 */
export const subscribe = async (permission: Promise<NotificationPermission>, { config, vid, publicKey, worker }: Offer): Promise<SubscribeOutcome> => {
  try {
    const answer = await permission;
    if (answer != 'granted') return answer == 'denied' ? 'blocked' : 'declined';
    const registration = await registerWorker(worker);
    const subscription = await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: base64urlToBytes(publicKey),
    });
    const state = { api: config.api, site: config.site, vid, publicKey };
    try {
      await saveSubscription(state, subscription);
    } catch (error) {
      await subscription.unsubscribe().catch(() => {});
      throw error;
    }
    // without it only the re-subscription on pushsubscriptionchange is lost, not the subscription
    await writeState(state).catch(() => {});
    return 'subscribed';
  } catch {
    return 'failed';
  }
};

/**
 * Ends the subscription in the browser and on the server at once (the server stops sending the moment it
 * answers), and forgets sw.js's state. False when there was nothing to end.
 */
export const unsubscribe = async (config: BlockConfig, worker: WorkerOptions): Promise<boolean> => {
  const subscription = await currentSubscription(worker.scope);
  await clearState().catch(() => {});
  if (!subscription) return false;
  await Promise.all([subscription.unsubscribe(), removeSubscription(config, subscription.endpoint)]);
  return true;
};
