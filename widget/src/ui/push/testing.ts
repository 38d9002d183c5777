// Helpers for the push prompt's tests (not bundled: nothing in the UI imports this file): a browser with web push
// (service worker container, Push API, Notification) that records what the UI asks of it, in happy-dom.
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import { fakeSubscription } from '../../../../sw/src/testing.ts';

/** A real P-256 public key, base64url (65 bytes), as GET /v1/push/key answers. */
export const publicKey = 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM';
export const endpoint = 'https://fcm.googleapis.com/fcm/send/abc';

class FakeWorker extends EventTarget {
  constructor(
    readonly scriptURL: string,
    public state: ServiceWorkerState = 'installing',
  ) {
    super();
  }
}

class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = null;
  waiting: FakeWorker | null = null;
  active: FakeWorker | null = null;
  subscription: ReturnType<typeof fakeSubscription> | null = null;
  readonly pushManager = {
    subscribe: vi.fn(async (_options: PushSubscriptionOptionsInit) => (this.subscription = fakeSubscription(endpoint))),
    getSubscription: async () => this.subscription,
  };
  constructor(readonly scope: string) {
    super();
  }
  /** installs and activates `script`, as the browser does for a first registration */
  install(script: string) {
    const worker = (this.installing = new FakeWorker(script));
    setTimeout(() => {
      this.dispatchEvent(new Event('updatefound'));
      for (const state of ['installed', 'activating', 'activated'] as const) {
        worker.state = state;
        if (state == 'activated') [this.installing, this.active] = [null, worker];
        worker.dispatchEvent(new Event('statechange'));
      }
    });
  }
}

export interface BrowserOptions {
  /** Notification.permission now, and what requestPermission() will answer */
  permission?: NotificationPermission;
  answer?: NotificationPermission;
  /** scopes with a registration (and a subscription) already */
  subscribedAt?: string[];
  /** leave out one of what push needs */
  without?: 'serviceWorker' | 'PushManager' | 'Notification';
}

/**
 * Stubs web push in happy-dom and an empty IndexedDB. `registrations` are the worker registrations by scope;
 * `requestPermission` records when the browser's permission was asked.
 */
export const fakeBrowserPush = ({ permission = 'default', answer = 'granted', subscribedAt = [], without }: BrowserOptions = {}) => {
  // a browser of its own: nothing stubbed before stays (happy-dom itself has none of the three)
  removeBrowserPush();
  vi.unstubAllGlobals();
  vi.stubGlobal('indexedDB', new IDBFactory());
  const registrations = new Map<string, FakeRegistration>();
  for (const scope of subscribedAt) {
    const registration = new FakeRegistration(scope);
    registration.active = new FakeWorker(scope + 'shoploop-sw.js', 'activated');
    registration.subscription = fakeSubscription(endpoint);
    registrations.set(scope, registration);
  }
  const notification = {
    permission,
    requestPermission: vi.fn(async () => (notification.permission = answer)),
  };
  const container = Object.assign(new EventTarget(), {
    controller: null,
    register: vi.fn(async (script: string, { scope = '/' }: RegistrationOptions = {}) => {
      const absolute = new URL(scope, location.href).href;
      const registration = registrations.get(absolute) ?? new FakeRegistration(absolute);
      registrations.set(absolute, registration);
      if (!registration.active) registration.install(new URL(script, location.href).href);
      return registration;
    }),
    // the registration with the longest scope that contains the URL, as the browser answers
    getRegistration: vi.fn(async (url: string) =>
      [...registrations.values()].filter((registration) => url.startsWith(registration.scope)).sort((a, b) => b.scope.length - a.scope.length)[0],
    ),
  });
  if (without != 'Notification') vi.stubGlobal('Notification', notification);
  if (without != 'PushManager') vi.stubGlobal('PushManager', class {});
  if (without != 'serviceWorker') Object.defineProperty(navigator, 'serviceWorker', { configurable: true, value: container });
  return { registrations, register: container.register, requestPermission: notification.requestPermission, notification };
};

/** Undoes fakeBrowserPush's navigator.serviceWorker (vi.unstubAllGlobals undoes the rest). */
export const removeBrowserPush = () => {
  delete (navigator as { serviceWorker?: unknown }).serviceWorker;
};

/**
 * Stubs the server's push routes: GET /v1/push/key answers `key` (a status alone for an error), POST and DELETE
 * /v1/push/subscriptions answer `subscriptions`. Records every request with its parsed body.
 */
export const stubPushApi = ({ key = 200 as number, subscriptions = 201 } = {}) => {
  const requests: { method: string; url: URL; body?: Record<string, unknown> }[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    requests.push({ method, url: new URL(url), body: init.body ? JSON.parse(init.body as string) : undefined });
    if (url.includes('/v1/push/key')) {
      return key == 200 ? Response.json({ publicKey }) : Response.json({ error: { code: 'push_not_configured' } }, { status: key });
    }
    return Response.json(subscriptions < 300 ? { subscribed: true } : { error: { code: 'bad_request' } }, { status: subscriptions });
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, requests };
};

/** The prompt's shadow root, or undefined while there is none. */
export const prompt = () => document.querySelector('[data-shoploop-push]')?.shadowRoot ?? undefined;
export const promptText = () => prompt()?.querySelector('.text')?.textContent;
export const button = (label: string) =>
  [...(prompt()?.querySelectorAll('button') ?? [])].find((element) => element.textContent == label || element.getAttribute('aria-label') == label);
