// The built sw.js: a classic script the shop's one-line /shoploop-sw.js loads with importScripts (or the shop's own
// service worker does). It only listens: no install/activate/fetch handling, so it never changes how the shop's
// own worker caches or updates. Each handler's promise keeps the worker alive until it is done.
import { onNotificationClick } from './on-notification-click.ts';
import { onNotificationClose } from './on-notification-close.ts';
import { onPush } from './on-push.ts';
import { onSubscriptionChange } from './on-subscription-change.ts';
import { worker } from './worker-scope.ts';

worker.addEventListener('push', (event) => event.waitUntil(onPush(event)));
worker.addEventListener('notificationclick', (event) => event.waitUntil(onNotificationClick(event)));
worker.addEventListener('notificationclose', (event) => event.waitUntil(onNotificationClose(event)));
worker.addEventListener('pushsubscriptionchange', (event) => event.waitUntil(onSubscriptionChange(event)));
