import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadCatalog } from '../demo-shop/catalog.ts';
import { pushSubscriptions } from '../server/src/db/schema/index.ts';
import { setPushSubject } from '../server/src/push/keys/site-push-keys.ts';
import { LocalPushService, type LocalSubscription } from '../server/src/push/testing/local-push-service.ts';
import { useStack, visitorIdOf } from './support/fixture.ts';
import { E2E_ADMIN_TOKEN } from './support/stack.ts';
import { clickNotification, deliverPush, grantNotifications, registrationId, shownNotifications, standInCalls, standInSubscription } from './support/push.ts';

// The browser side of web push on the demo shop, in Chromium: the soft prompt at a moment of intent, the service
// worker registered from the shop's one-line /shoploop-sw.js, the subscription stored by the server, a push shown
// as a notification, and its click bringing the visitor back with push_click reported.

let service: LocalPushService;
beforeAll(async () => {
  service = await LocalPushService.start();
});
// the local push service is the one push service the server accepts subscriptions for, and sends to (trusting its
// certificate: the server runs in this process, so through an agent rather than NODE_EXTRA_CA_CERTS)
const shop = useStack(
  () => ({ SHOPLOOP_PUSH_ENDPOINTS: service.origin }),
  () => ({ pushAgent: service.agent }),
);
beforeAll(async () => {
  await setPushSubject(shop.stack.db, shop.stack.site.id, 'mailto:owner@loopandco.example');
});
afterAll(async () => {
  await service?.close();
});

const [first, second] = loadCatalog().filter((item) => item.availability == 'in_stock');
const prompt = (page: Page) => page.locator('[data-shoploop-push]');

/** The site's public key, as the shop's pages get it. */
async function sitePublicKey(): Promise<string> {
  const { serverUrl, shopUrl, site } = shop.stack;
  const response = await fetch(`${serverUrl}/v1/push/key?site=${site.publicKey}`, { headers: { origin: shopUrl } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { publicKey: string }).publicKey;
}

async function addToCart(page: Page, itemId: string) {
  await page.goto(`${shop.stack.shopUrl}/product/${itemId}`);
  await page.waitForSelector('html[data-shop-ready]');
  await page.click('[data-testid=add-to-cart]');
}

/** A further message on the cart's topic, as the outbox would send a second reminder. */
function message(id: string, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ v: 1, id, title: 'Still thinking about it?', body: 'Your cart is waiting.', url: `${shop.stack.shopUrl}/cart?sl_push=${id}`, tag: 'cart', ...fields });
}

async function putSettings(body: unknown) {
  const response = await fetch(`${shop.stack.serverUrl}/admin/api/sites/${shop.stack.site.id}/settings`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

test('add to cart → soft prompt → subscribed; a push shows a notification; its click brings the visitor back with push_click', async () => {
  const { shopUrl, site } = shop.stack;
  const publicKey = await sitePublicKey();
  const subscription: LocalSubscription = service.subscribe({ applicationServerKey: publicKey });
  const { context, page, errors } = await shop.visitor();
  await standInSubscription(context, subscription);
  const grant = await grantNotifications(page, shopUrl);

  // the first page view: an add to cart there brings no prompt
  await addToCart(page, first!.item_id);
  const vid = await visitorIdOf(page);
  await shop.stack.waitForEvents(vid, (events) => events.some((event) => event.name == 'add_to_cart'));
  await page.waitForTimeout(500); // the UI would have asked for the key and shown the prompt by now
  await expect(prompt(page).count()).resolves.toBe(0);

  // the next page: it asks, and only the click on yes asks the browser
  await addToCart(page, second!.item_id);
  await expect.poll(() => prompt(page).count()).toBe(1);
  const dialog = prompt(page).getByRole('dialog');
  await expect(dialog.textContent()).resolves.toContain('Want a reminder if you leave your cart?');
  await prompt(page).getByRole('button', { name: 'Yes, remind me' }).click();
  await expect.poll(() => dialog.textContent(), { timeout: 15_000 }).toContain('Done: notifications are on.');

  // the worker is the shop's /shoploop-sw.js at its root; subscribed with the site's key; the server has it
  const worker = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration('/');
    return { scope: registration?.scope, script: registration?.active?.scriptURL };
  });
  expect(worker).toEqual({ scope: `${shopUrl}/`, script: `${shopUrl}/shoploop-sw.js` });
  await expect(standInCalls(page)).resolves.toEqual({ userVisibleOnly: true, applicationServerKey: publicKey });
  const stored = await shop.stack.db.orm
    .select()
    .from(pushSubscriptions)
    .where(and(eq(pushSubscriptions.siteId, site.id), eq(pushSubscriptions.endpoint, subscription.endpoint)));
  expect(stored.map(({ visitorId, p256dh, auth }) => ({ visitorId, p256dh, auth }))).toEqual([{ visitorId: vid, ...subscription.keys }]);
  // the worker's own state, for pushsubscriptionchange
  const state = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('shoploop-sw');
        request.onsuccess = () => {
          const read = request.result.transaction('state').objectStore('state').get('current');
          read.onsuccess = () => resolve(read.result);
          read.onerror = reject;
        };
        request.onerror = reject;
      }),
  );
  expect(state).toEqual({ api: shop.stack.serverUrl, site: site.publicKey, vid, publicKey });

  // the server's own message: the cart is left, the visitor enters at_risk, and the outbox sends the reminder
  // through web-push to the local push service, which checks its VAPID token and decrypts it. That exact text is
  // what a browser's push service hands the worker: the DevTools protocol delivers it.
  await putSettings({ campaigns: { abandoned_cart: { firstDelayMinutes: 1, secondEnabled: false, holdoutPercent: 0 } }, contact: { quietHours: null } });
  // the visitor stops here: wait until everything the page sends has arrived (an event stored after the clock
  // moves would be a return to the shop, which rightly cancels the reminder)
  await page.evaluate(() => dispatchEvent(new Event('pagehide')));
  for (let last = -1, now = (await shop.stack.storedEvents(vid)).length; now !== last; now = (await shop.stack.storedEvents(vid)).length) {
    last = now;
    await page.waitForTimeout(2000);
  }
  shop.stack.clock.advance(31 * 60_000);
  await shop.stack.waitForStage(vid, 'at_risk');
  shop.stack.clock.advance(2 * 60_000);
  await expect.poll(() => service.messagesFor(subscription.endpoint).length, { timeout: 15_000 }).toBe(1);
  const sent = service.messagesFor(subscription.endpoint)[0]!;
  const payload = JSON.parse(sent.text) as { id: string; title: string; body: string; url: string; tag: string; image?: string };
  expect(sent.claims.sub).toBe('mailto:owner@loopandco.example');
  expect(payload).toMatchObject({ v: 1, title: 'You left something in your cart', tag: 'cart' });
  expect(payload.url).toMatch(new RegExp(`^${shopUrl}/product/[^?]+\\?sl_push=${payload.id}$`));

  // shown as a notification; the same message again is not shown twice
  const session = await context.newCDPSession(page);
  const registration = await registrationId(session, `${shopUrl}/`);
  await deliverPush(session, shopUrl, registration, sent.text);
  await expect.poll(() => shownNotifications(page), { timeout: 10_000 }).toEqual([
    { title: payload.title, body: payload.body, tag: 'cart', data: { url: payload.url, id: payload.id } },
  ]);
  await deliverPush(session, shopUrl, registration, sent.text);
  await page.waitForTimeout(300);
  await expect.poll(() => shownNotifications(page), { timeout: 10_000 }).toHaveLength(1);

  // its click: the worker's own notificationclick handler runs, closes it and opens the message's URL
  const [serviceWorker] = context.serviceWorkers();
  expect(serviceWorker, 'the shop’s service worker, seen by playwright').toBeDefined();
  const url = payload.url;
  const click = await clickNotification(serviceWorker!, 'cart');
  await expect.poll(() => shownNotifications(page), { timeout: 10_000 }).toEqual([]);
  expect(click.opened).toEqual([url]);
  // Chromium lets a worker open a window only during a notificationclick it dispatched itself for a person's click
  // ("InvalidAccessError: Not allowed to open a window." here, and no DevTools command clicks a notification): the
  // test then opens the URL the handler asked for in a new tab of the same browser, as the browser would have.
  let tab: Page;
  if (click.error) {
    expect(click.error).toMatch(/Not allowed to open a window/);
    tab = await context.newPage();
    await tab.goto(url);
  } else {
    tab = context.pages().find((open) => open.url() == url)!;
    expect(tab, 'the window the handler opened').toBeDefined();
  }
  await tab.waitForSelector('html[data-shop-ready]');

  // the tracker on that page reports the click, with the message id from the URL; the server marks the message
  const events = await shop.stack.waitForEvents(vid, (stored) => stored.some((event) => event.name == 'push_click'));
  expect(events.filter((event) => event.name == 'push_click').map(({ params, url: at }) => ({ params, at }))).toEqual([
    { params: { message_id: payload.id }, at: url },
  ]);
  await expect
    .poll(async () => (await shop.stack.admin<{ messages: Array<{ id: string; status: string }> }>(`/admin/api/messages?site=${site.id}&campaign=abandoned_cart`)).messages)
    .toEqual([expect.objectContaining({ id: payload.id, status: 'clicked' })]);

  // a later message on the cart's topic replaces the one shown before it
  await deliverPush(session, shopUrl, registration, message('msg_e2e_2'));
  await expect.poll(() => shownNotifications(page), { timeout: 10_000 }).toMatchObject([{ data: { id: 'msg_e2e_2' } }]);
  await deliverPush(session, shopUrl, registration, message('msg_e2e_3', { title: 'Your cart is about to expire' }));
  await expect.poll(() => shownNotifications(page), { timeout: 10_000 }).toMatchObject([{ title: 'Your cart is about to expire', data: { id: 'msg_e2e_3' } }]);
  expect(errors).toEqual([]);
  await grant.detach();
  await context.close();
});

test('a sold-out product asks to tell when it is back; after a no, the shop’s own button still opens the prompt; and turns it off', async () => {
  const { shopUrl, site } = shop.stack;
  const subscription = service.subscribe({ applicationServerKey: await sitePublicKey() });
  const { context, page, errors } = await shop.visitor();
  await standInSubscription(context, subscription);
  const grant = await grantNotifications(page, shopUrl);
  const stored = () =>
    shop.stack.db.orm
      .select({ visitorId: pushSubscriptions.visitorId })
      .from(pushSubscriptions)
      .where(and(eq(pushSubscriptions.siteId, site.id), eq(pushSubscriptions.endpoint, subscription.endpoint)));
  const dialog = prompt(page).getByRole('dialog');

  await page.goto(shopUrl);
  await page.waitForSelector('html[data-shop-ready]');
  const soldOut = loadCatalog().find((item) => item.availability == 'out_of_stock')!;
  await page.goto(`${shopUrl}/product/${soldOut.item_id}`);
  await expect.poll(() => prompt(page).count()).toBe(1);
  await expect(dialog.textContent()).resolves.toContain('Sold out for now. Want to know when it’s back?');
  await prompt(page).getByRole('button', { name: 'No thanks' }).click();
  await expect.poll(() => prompt(page).count()).toBe(0);

  // the shop's "Notify me when it's back" button: shoploop('push', 'prompt')
  await page.click('[data-testid=notify-me]');
  await expect.poll(() => dialog.textContent()).toContain('Get a notification when your cart is waiting');
  await prompt(page).getByRole('button', { name: 'Turn on notifications' }).click();
  await expect.poll(() => dialog.textContent(), { timeout: 15_000 }).toContain('Done: notifications are on.');
  const vid = await visitorIdOf(page);
  await expect(stored()).resolves.toEqual([{ visitorId: vid }]);

  // on another page the footer's button says it is on, and turns it off in the browser and on the server at once
  await page.goto(shopUrl);
  await page.waitForSelector('html[data-shop-ready]');
  await page.click('[data-testid=push-prompt]');
  await expect.poll(() => dialog.textContent()).toContain('Notifications are on for this shop.');
  await prompt(page).getByRole('button', { name: 'Turn off' }).click();
  await expect.poll(() => dialog.textContent()).toContain('Notifications are off.');
  await expect(stored()).resolves.toEqual([]);
  await expect(standInCalls(page)).resolves.toBeNull(); // unsubscribed in the browser

  expect(errors).toEqual([]);
  await grant.detach();
  await context.close();
});
