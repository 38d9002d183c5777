import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import type { LocalSubscription } from '../../server/src/push/testing/local-push-service.ts';

// Web push in headless Chromium, through the DevTools protocol. Headless Chromium reaches no browser push service
// (pushManager.subscribe() fails with "permission denied"), so a test stands in the subscription — one the local
// push service holds the keys of — and delivers the push message itself with ServiceWorker.deliverPushMessage.
// Everything else (the prompt, the worker's registration and handlers, notifications, the server) is real.

/**
 * Grants the notifications permission to `origin` in the page's own browser context (CDP Browser.grantPermissions).
 * Chromium takes the grant back when the session that made it detaches: the session is returned, to keep.
 */
export async function grantNotifications(page: Page, origin: string): Promise<CDPSession> {
  const pageSession = await page.context().newCDPSession(page);
  const { targetInfo } = await pageSession.send('Target.getTargetInfo');
  await pageSession.detach();
  const browserSession = await page.context().browser()!.newBrowserCDPSession();
  await browserSession.send('Browser.grantPermissions', { permissions: ['notifications'], origin, browserContextId: targetInfo.browserContextId });
  return browserSession;
}

/**
 * Makes `pushManager.subscribe()` answer with `subscription` on every page of the context, as a browser whose push
 * service handed it out would, and `getSubscription()` with it once subscribed (kept in localStorage, so it lasts
 * across pages). `standInCalls(page)` tells what subscribe() was asked.
 */
export async function standInSubscription(context: BrowserContext, subscription: LocalSubscription): Promise<void> {
  await context.addInitScript((stand: LocalSubscription) => {
    const key = 'e2e:stand-in-subscription';
    const toBase64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const make = (): PushSubscription =>
      ({
        endpoint: stand.endpoint,
        expirationTime: null,
        toJSON: () => stand,
        getKey: () => null,
        unsubscribe: async () => {
          localStorage.removeItem(key);
          return true;
        },
      }) as unknown as PushSubscription;
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      const asked = { userVisibleOnly: options?.userVisibleOnly, applicationServerKey: toBase64url(new Uint8Array(options?.applicationServerKey as ArrayBuffer)) };
      localStorage.setItem(key, JSON.stringify(asked));
      return make();
    };
    PushManager.prototype.getSubscription = async function () {
      return localStorage.getItem(key) ? make() : null;
    };
  }, subscription);
}

/** What the page's code passed to pushManager.subscribe(), or null while not subscribed. */
export const standInCalls = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('e2e:stand-in-subscription') ?? 'null') as { userVisibleOnly: boolean; applicationServerKey: string } | null);

/** The id the DevTools protocol knows the registration at `scope` by (ServiceWorker.workerRegistrationUpdated). */
export async function registrationId(session: CDPSession, scope: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no service worker registration at ${scope}`)), 10_000);
    session.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const found = registrations.find((registration) => registration.scopeURL == scope && !registration.isDeleted);
      if (found) {
        clearTimeout(timer);
        resolve(found.registrationId);
      }
    });
    void session.send('ServiceWorker.enable');
  });
}

/** Delivers `data` (the push message's decrypted text) to the registration, as the browser does when a push arrives. */
export async function deliverPush(session: CDPSession, origin: string, registration: string, data: string): Promise<void> {
  await session.send('ServiceWorker.deliverPushMessage', { origin, registrationId: registration, data });
}

export interface ShownNotification {
  title: string;
  body: string;
  tag: string;
  data: { url?: string; id?: string } | null;
}

/** The notifications the registration at `scope` shows now (ServiceWorkerRegistration.getNotifications()). */
export const shownNotifications = (page: Page, scope = '/') =>
  page.evaluate(async (at) => {
    const registration = await navigator.serviceWorker.getRegistration(at);
    const shown = (await registration?.getNotifications()) ?? [];
    return shown.map(({ title, body, tag, data }) => ({ title, body, tag, data }) as ShownNotification);
  }, scope);

/**
 * Dispatches a real NotificationEvent('notificationclick') for the notification with `tag` inside the service worker
 * (Runtime.evaluate on the worker's target, through playwright's Worker), so the worker's own listener runs. The
 * browser dispatches this event itself only when a person clicks, and only then lets clients.openWindow() open a
 * window; the URLs the handler asked to open are recorded, and what openWindow answered.
 */
export const clickNotification = (worker: Worker, tag: string) =>
  worker.evaluate(async (wanted) => {
    const scope = self as unknown as {
      registration: ServiceWorkerRegistration;
      clients: { openWindow(url: string): Promise<unknown> };
      dispatchEvent(event: Event): boolean;
    };
    const [notification] = await scope.registration.getNotifications({ tag: wanted });
    if (!notification) throw new Error(`no notification with tag ${wanted}`);
    const opened: string[] = [];
    const openWindow = scope.clients.openWindow.bind(scope.clients);
    scope.clients.openWindow = (url: string) => {
      opened.push(url);
      return openWindow(url);
    };
    const NotificationEventClass = (self as unknown as { NotificationEvent: new (type: string, init: { notification: Notification }) => Event }).NotificationEvent;
    const event = new NotificationEventClass('notificationclick', { notification });
    // ExtendableEvent.waitUntil throws on an event the page dispatched itself (isTrusted is false): keep the
    // handler's promise through an own waitUntil instead, to wait for it and read its outcome
    let work: Promise<unknown> = Promise.resolve();
    Object.defineProperty(event, 'waitUntil', { value: (promise: Promise<unknown>) => void (work = promise) });
    scope.dispatchEvent(event);
    try {
      await work;
      return { opened, error: null };
    } catch (error) {
      return { opened, error: String(error) };
    } finally {
      delete (scope.clients as { openWindow?: unknown }).openWindow; // the prototype's again
    }
  }, tag);
