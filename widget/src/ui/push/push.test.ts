import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { readState } from '../../../../sw/src/state.ts';
import { base64urlToBytes } from '../../../../sw/src/base64url.ts';
import type { PushMoment } from '../../tracker/push.ts';
import { config, fakeTracker, settle } from '../testing.ts';
import { declineDays } from './declined.ts';
import { push } from './push.ts';
import { push as pushFromBundle } from '../shoploop-ui.ts';
import { button, endpoint, fakeBrowserPush, prompt, promptText, publicKey, removeBrowserPush, stubPushApi, type BrowserOptions } from './testing.ts';

// Each test is one page: a tag with the site key, a browser with (or without) web push, the server's routes stubbed.

const ask = async (moment: PushMoment, tracker = fakeTracker()) => {
  await act(() => push(moment, config, tracker));
  await settle();
};
const click = async (label: string) => {
  const element = button(label);
  expect(element, `a "${label}" button`).toBeDefined();
  act(() => element!.click());
  await settle();
};

let browser: ReturnType<typeof fakeBrowserPush>;
let api: ReturnType<typeof stubPushApi>;
const page = (options: BrowserOptions = {}, tag = '<script data-site="pk_ui" src="https://api.example/shoploop.js"></script>') => {
  document.head.innerHTML = tag;
  browser = fakeBrowserPush(options);
  api = stubPushApi();
};

beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', '/product/22423');
  page();
});
afterEach(async () => {
  document.body.innerHTML = '';
  await settle();
  removeBrowserPush();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

test('after an add to cart the soft prompt asks, in its own shadow root, without asking the browser yet', async () => {
  await ask('add_to_cart');
  expect(promptText()).toBe('Want a reminder if you leave your cart?');
  expect(button('Yes, remind me')).toBeDefined();
  expect(button('No thanks')).toBeDefined();
  expect(prompt()!.querySelector('style')!.textContent).toContain('var(--shoploop-prompt-bg, #fff)');
  expect(browser.requestPermission).not.toHaveBeenCalled();
  expect(browser.register).not.toHaveBeenCalled();
  expect(api.requests.map(({ method, url }) => `${method} ${url.pathname}${url.search}`)).toEqual(['GET /v1/push/key?site=pk_ui']);
});

test('on a sold-out product it offers to tell when it is back', async () => {
  await ask('sold_out');
  expect(promptText()).toBe('Sold out for now. Want to know when it’s back?');
  expect(button('Tell me when it’s back')).toBeDefined();
});

test('yes: permission asked inside the click, the worker registered, subscribed with the key, the server told, the state kept', async () => {
  await ask('add_to_cart');
  const yes = button('Yes, remind me')!;
  // the permission must be asked synchronously inside the click: the browser refuses it without a user gesture
  yes.click();
  expect(browser.requestPermission).toHaveBeenCalledTimes(1);
  await vi.waitFor(() => expect(promptText()).toBe('Done: notifications are on.'));

  expect(browser.register).toHaveBeenCalledWith('http://localhost:3000/shoploop-sw.js', { scope: 'http://localhost:3000/' });
  const registration = browser.registrations.get('http://localhost:3000/')!;
  expect(registration.pushManager.subscribe).toHaveBeenCalledWith({ userVisibleOnly: true, applicationServerKey: base64urlToBytes(publicKey) });
  const post = api.requests.find((request) => request.method == 'POST')!;
  expect(post.url.href).toBe('https://api.example/v1/push/subscriptions');
  expect(post.body).toEqual({
    site: 'pk_ui',
    vid: 'V1',
    subscription: { endpoint, expirationTime: null, keys: { p256dh: 'P256DH-bc', auth: 'AUTH' } },
    tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  expect(await readState()).toEqual({ api: 'https://api.example', site: 'pk_ui', vid: 'V1', publicKey });
});

test('data-sw and data-sw-scope choose the worker file and its scope', async () => {
  page({}, '<script data-site="pk_ui" data-sw="/assets/push-worker.js" data-sw-scope="/shoploop-push/"></script>');
  await ask('add_to_cart');
  await click('Yes, remind me');
  await vi.waitFor(() => expect(promptText()).toBe('Done: notifications are on.'));
  expect(browser.register).toHaveBeenCalledWith('http://localhost:3000/assets/push-worker.js', { scope: 'http://localhost:3000/shoploop-push/' });
});

test('no thanks: nothing asked, the prompt goes, and it stays away for 30 days', async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  await ask('add_to_cart');
  await click('No thanks');
  expect(prompt()).toBeUndefined();
  expect(browser.requestPermission).not.toHaveBeenCalled();

  await ask('add_to_cart');
  await ask('sold_out');
  expect(prompt()).toBeUndefined();
  vi.setSystemTime(Date.now() + (declineDays - 1) * 864e5);
  await ask('add_to_cart');
  expect(prompt()).toBeUndefined();
  vi.setSystemTime(Date.now() + 2 * 864e5);
  await ask('add_to_cart');
  expect(promptText()).toBe('Want a reminder if you leave your cart?');
});

test('closing it, or Escape, is a no as well', async () => {
  await ask('add_to_cart');
  await click('Close');
  expect(prompt()).toBeUndefined();
  await ask('sold_out');
  expect(prompt()).toBeUndefined();

  localStorage.clear();
  await ask('sold_out');
  act(() => void prompt()!.querySelector('.prompt')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
  await settle();
  expect(prompt()).toBeUndefined();
  await ask('add_to_cart');
  expect(prompt()).toBeUndefined();
});

test('the browser dialog dismissed counts as a no; permission denied says where to allow it; nothing is subscribed', async () => {
  page({ answer: 'default' });
  await ask('add_to_cart');
  await click('Yes, remind me');
  expect(prompt()).toBeUndefined();
  await ask('add_to_cart');
  expect(prompt()).toBeUndefined();

  localStorage.clear();
  page({ answer: 'denied' });
  await ask('add_to_cart');
  await click('Yes, remind me');
  await vi.waitFor(() => expect(promptText()).toMatch(/^Notifications are blocked for this shop/));
  expect(browser.register).not.toHaveBeenCalled();
  expect(api.requests.filter((request) => request.method != 'GET')).toEqual([]);
});

test('a subscription the server refuses is dropped in the browser too, and no state is kept', async () => {
  api = stubPushApi({ subscriptions: 400 });
  await ask('add_to_cart');
  await click('Yes, remind me');
  await vi.waitFor(() => expect(promptText()).toBe('Notifications could not be turned on. Please try again later.'));
  expect(browser.registrations.get('http://localhost:3000/')!.subscription!.unsubscribe).toHaveBeenCalled();
  expect(await readState()).toBeUndefined();
});

test.each<[string, BrowserOptions]>([
  ['without a service worker', { without: 'serviceWorker' }],
  ['without the Push API', { without: 'PushManager' }],
  ['without notifications', { without: 'Notification' }],
  ['when notifications are denied', { permission: 'denied' }],
  ['to a visitor already subscribed', { subscribedAt: ['http://localhost:3000/'] }],
])('no prompt %s', async (_, options) => {
  page(options);
  await ask('add_to_cart');
  await ask('sold_out');
  expect(prompt()).toBeUndefined();
});

test('no prompt while collection is denied, or when the server has no key for the site', async () => {
  await ask('add_to_cart', fakeTracker(false));
  expect(prompt()).toBeUndefined();
  expect(api.requests).toEqual([]);
  for (const status of [404, 409, 500]) {
    api = stubPushApi({ key: status });
    await ask('add_to_cart');
    expect(prompt(), String(status)).toBeUndefined();
  }
});

test('a subscription at another scope (the shop’s own worker) is not ours: the prompt still comes', async () => {
  page({ subscribedAt: ['http://localhost:3000/'] }, '<script data-site="pk_ui" data-sw-scope="/shoploop-push/"></script>');
  await ask('add_to_cart');
  expect(promptText()).toBe('Want a reminder if you leave your cart?');
});

test('one prompt at a time, also for two moments at once', async () => {
  await act(async () => void (await Promise.all([push('add_to_cart', config, fakeTracker()), push('add_to_cart', config, fakeTracker())])));
  await ask('sold_out');
  expect(document.querySelectorAll('[data-shoploop-push]')).toHaveLength(1);
  expect(promptText()).toBe('Want a reminder if you leave your cart?');
});

test('unknown moments are ignored', async () => {
  await ask('checkout' as PushMoment);
  expect(prompt()).toBeUndefined();
  expect(api.requests).toEqual([]);
});

test('the shop’s own button opens the prompt even after a no, with the keyboard focus on its yes', async () => {
  await ask('add_to_cart');
  await click('No thanks');
  await ask('prompt');
  expect(promptText()).toBe('Get a notification when your cart is waiting, or something you looked at is back or cheaper?');
  expect(prompt()!.activeElement?.textContent).toBe('Turn on notifications');
  await click('Turn on notifications');
  await vi.waitFor(() => expect(promptText()).toBe('Done: notifications are on.'));
});

test('the shop’s button, when subscribed already, says so and can turn it off; when blocked, says where to allow it', async () => {
  page({ subscribedAt: ['http://localhost:3000/'] });
  const subscription = browser.registrations.get('http://localhost:3000/')!.subscription!;
  await ask('prompt');
  expect(promptText()).toBe('Notifications are on for this shop.');
  await click('Turn off');
  await vi.waitFor(() => expect(promptText()).toBe('Notifications are off.'));
  expect(subscription.unsubscribe).toHaveBeenCalled();
  expect(api.requests.filter((request) => request.method == 'DELETE').map((request) => request.body)).toEqual([{ site: 'pk_ui', endpoint }]);

  document.body.innerHTML = '';
  page({ permission: 'denied' });
  await ask('prompt');
  expect(promptText()).toMatch(/^Notifications are blocked for this shop/);
});

test('unsubscribe ends it in the browser and on the server at once, and forgets the worker’s state', async () => {
  await ask('add_to_cart');
  await click('Yes, remind me');
  await vi.waitFor(() => expect(promptText()).toBe('Done: notifications are on.'));
  const subscription = browser.registrations.get('http://localhost:3000/')!.subscription!;

  await ask('unsubscribe', fakeTracker(false)); // also while collection is denied
  expect(subscription.unsubscribe).toHaveBeenCalled();
  expect(api.requests.at(-1)).toMatchObject({ method: 'DELETE', body: { site: 'pk_ui', endpoint } });
  expect(api.requests.at(-1)!.url.href).toBe('https://api.example/v1/push/subscriptions');
  expect(await readState()).toBeUndefined();
});

test('unsubscribe without a subscription sends nothing', async () => {
  await ask('unsubscribe');
  expect(api.requests).toEqual([]);
});

test('the UI bundle’s push loads this code on first use and hands the moment over', async () => {
  pushFromBundle('add_to_cart', config, fakeTracker());
  await vi.waitFor(() => expect(promptText()).toBe('Want a reminder if you leave your cart?'), { timeout: 5000 });
});
