// Helpers for the service worker's tests (not bundled: nothing in sw.ts imports this file). Each test gets a
// fresh worker: an empty IndexedDB, a registration that records notifications, tabs, and a fetch that records.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import type { ExtendableEvent, WindowClient } from './worker-scope.ts';

export const shopOrigin = 'https://shop.example';
export const scope = shopOrigin + '/';

export interface Shown {
  title: string;
  options: NotificationOptions & { data?: { url?: string; id?: string } };
}

/** A subscription as the browser hands it over (only what sw.js and the UI read). */
export const fakeSubscription = (endpoint: string) =>
  ({
    endpoint,
    toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh: 'P256DH-' + endpoint.slice(-2), auth: 'AUTH' } }),
    unsubscribe: vi.fn(async () => true),
  }) as unknown as PushSubscription & { unsubscribe: ReturnType<typeof vi.fn> };

/**
 * Stubs the worker's globals. `tabs` are the shop's open windows (focus() is recorded); `status` is what the
 * server answers every fetch with. Returns what the worker did.
 */
export const freshWorker = ({ tabs = [] as string[], status = 201 } = {}) => {
  vi.stubGlobal('indexedDB', new IDBFactory());
  const shown: Shown[] = [];
  const showNotification = vi.fn(async (title: string, options: Shown['options'] = {}) => void shown.push({ title, options }));
  const subscribe = vi.fn(async (_options: PushSubscriptionOptionsInit) => fakeSubscription('https://push.example/send/new'));
  vi.stubGlobal('registration', { scope, showNotification, pushManager: { subscribe } });
  const focused: string[] = [];
  const windows: WindowClient[] = tabs.map((url) => ({ url, focus: vi.fn(async function (this: WindowClient) { focused.push(url); return this; }) }));
  const openWindow = vi.fn(async (url: string) => ({ url, focus: async () => windows[0]! }));
  vi.stubGlobal('clients', { matchAll: vi.fn(async () => windows), openWindow });
  vi.stubGlobal('location', { origin: shopOrigin, hostname: 'shop.example' });
  const requests: { url: string; method: string; body: Record<string, unknown> }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      requests.push({ url, method: init.method ?? 'GET', body: JSON.parse(init.body as string) });
      return new Response('{}', { status });
    }),
  );
  return { shown, showNotification, subscribe, focused, openWindow, requests };
};

/** An event as the browser dispatches it; `done()` waits for what the handler passed to waitUntil. */
export const fakeEvent = <E extends ExtendableEvent>(fields: Omit<E, keyof ExtendableEvent>) => {
  const kept: Promise<unknown>[] = [];
  const event = { ...fields, waitUntil: (work: Promise<unknown>) => void kept.push(work) } as unknown as E;
  return { event, kept, done: () => Promise.all(kept) };
};

/** A push event whose data is `payload` (an object is sent as JSON); `null` is a push without data. */
export const pushEvent = (payload: object | string | null) => ({
  data: payload == null ? null : { text: () => (typeof payload == 'string' ? payload : JSON.stringify(payload)) },
});

/** A notification as sw.js showed it, for notificationclick. */
export const notification = (data: unknown) => ({ data, close: vi.fn() }) as unknown as Notification & { close: ReturnType<typeof vi.fn> };
