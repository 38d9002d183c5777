import { Workbox } from 'workbox-window/build/workbox-window.prod.mjs';
import type { WorkerOptions } from './worker-options.ts';

/**
 * The registration at exactly `scope`, if there is one. `getRegistration` answers with the longest scope that
 * contains the URL: a shop's own worker at `/` would answer for ours at `/shoploop-push/`.
 */
const registrationAt = async (scope: string) => {
  const registration = await navigator.serviceWorker.getRegistration(scope);
  return registration?.scope == scope ? registration : undefined;
};

/** The push subscription of our worker, without registering anything. */
export const currentSubscription = async (scope: string): Promise<PushSubscription | null> =>
  (await (await registrationAt(scope))?.pushManager.getSubscription()) ?? null;

/** Resolves once the registration has an active worker: subscribing needs one. */
const activated = (registration: ServiceWorkerRegistration) =>
  new Promise<void>((resolve, reject) => {
    const worker = registration.installing ?? registration.waiting;
    if (registration.active) return resolve();
    if (!worker) return reject(new Error('no service worker'));
    worker.addEventListener('statechange', () => {
      if (worker.state == 'activated') resolve();
      if (worker.state == 'redundant') reject(new Error('the service worker failed to install'));
    });
  });

/**
 * Registers the shop's `shoploop-sw.js` through workbox-window (at once: the visitor has just clicked) and waits
 * until it is active.
 */
export const registerWorker = async ({ script, scope }: WorkerOptions): Promise<ServiceWorkerRegistration> => {
  const registration = await new Workbox(script, { scope }).register({ immediate: true });
  if (!registration) throw new Error('the service worker was not registered');
  await activated(registration);
  return registration;
};
