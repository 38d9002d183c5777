import { afterEach, expect, test, vi } from 'vitest';
import { fakeEvent, freshWorker, notification, pushEvent } from './testing.ts';
import type { ExtendableEvent } from './worker-scope.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

/** Loads the entry as importScripts would, and returns the listeners it added. */
const load = async () => {
  const listeners = new Map<string, (event: ExtendableEvent) => void>();
  vi.stubGlobal('addEventListener', (type: string, listener: (event: ExtendableEvent) => void) => listeners.set(type, listener));
  await import('./sw.ts');
  return listeners;
};

test('the entry listens to exactly the four push events and nothing else (no install, activate or fetch)', async () => {
  freshWorker();
  expect([...(await load()).keys()].sort()).toEqual(['notificationclick', 'notificationclose', 'push', 'pushsubscriptionchange']);
});

test('each listener hands its handler promise to waitUntil, which settles when the work is done', async () => {
  const worker = freshWorker();
  const listeners = await load();

  const push = fakeEvent(pushEvent({ v: 1, id: 'msg_1', title: 'Back in stock', url: 'https://shop.example/p?sl_push=msg_1' }));
  listeners.get('push')!(push.event);
  expect(push.kept).toHaveLength(1);
  await push.done();
  expect(worker.shown.map((shown) => shown.title)).toEqual(['Back in stock']);

  const click = fakeEvent({ notification: notification({ url: 'https://shop.example/p?sl_push=msg_1' }), action: '' });
  listeners.get('notificationclick')!(click.event);
  await click.done();
  expect(worker.openWindow).toHaveBeenCalledWith('https://shop.example/p?sl_push=msg_1');

  for (const type of ['notificationclose', 'pushsubscriptionchange']) {
    const other = fakeEvent({ notification: notification(null), action: '', oldSubscription: null, newSubscription: null });
    listeners.get(type)!(other.event);
    expect(other.kept, type).toHaveLength(1);
    await other.done();
  }
});
