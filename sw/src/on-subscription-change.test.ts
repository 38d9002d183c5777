import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { base64urlToBytes } from './base64url.ts';
import { onSubscriptionChange } from './on-subscription-change.ts';
import { writeState } from './state.ts';
import { fakeSubscription, freshWorker } from './testing.ts';

// a real P-256 public key, base64url (65 bytes uncompressed)
const publicKey = 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM';
const state = { api: 'https://api.example', site: 'pk_1', vid: 'V1', publicKey };
const change = (oldSubscription: PushSubscription | null, newSubscription: PushSubscription | null) =>
  onSubscriptionChange({ oldSubscription, newSubscription } as never);

let worker: ReturnType<typeof freshWorker>;
beforeEach(() => {
  worker = freshWorker();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

test('re-subscribes with the stored key, POSTs the new subscription and DELETEs the old one', async () => {
  await writeState(state);
  await change(fakeSubscription('https://push.example/send/old'), null);
  expect(worker.subscribe).toHaveBeenCalledWith({ userVisibleOnly: true, applicationServerKey: base64urlToBytes(publicKey) });
  expect(base64urlToBytes(publicKey)).toHaveLength(65);
  expect(worker.requests).toEqual([
    {
      url: 'https://api.example/v1/push/subscriptions',
      method: 'POST',
      body: {
        site: 'pk_1',
        vid: 'V1',
        subscription: { endpoint: 'https://push.example/send/new', expirationTime: null, keys: { p256dh: 'P256DH-ew', auth: 'AUTH' } },
        tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
      },
    },
    { url: 'https://api.example/v1/push/subscriptions', method: 'DELETE', body: { site: 'pk_1', endpoint: 'https://push.example/send/old' } },
  ]);
});

test('a subscription the browser already renewed is sent as it is, without subscribing again', async () => {
  await writeState(state);
  await change(null, fakeSubscription('https://push.example/send/given'));
  expect(worker.subscribe).not.toHaveBeenCalled();
  expect(worker.requests.map(({ method, body }) => [method, (body.subscription as { endpoint: string }).endpoint])).toEqual([
    ['POST', 'https://push.example/send/given'],
  ]);
});

test('without stored state (the visitor unsubscribed) nothing is subscribed or sent', async () => {
  await change(fakeSubscription('https://push.example/send/old'), null);
  expect(worker.subscribe).not.toHaveBeenCalled();
  expect(worker.requests).toEqual([]);
});

test('a refusal from the server fails the handler', async () => {
  worker = freshWorker({ status: 400 });
  await writeState(state);
  await expect(change(null, null)).rejects.toThrow('POST /v1/push/subscriptions: 400');
});
