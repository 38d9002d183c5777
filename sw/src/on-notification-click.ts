import { worker, type NotificationEvent } from './worker-scope.ts';

/** A URL without its #fragment: a tab at the same page with another anchor is the same page. */
const page = (url: string) => url.split('#')[0];

/**
 * `notificationclick`: closes the notification and brings the visitor to the message's page — the shop's tab
 * already at that URL (attribution parameter included, so it was opened by this message) if there is one, else
 * a new one, whose tracker reports `push_click` from the URL's `sl_push`.
 */
export const onNotificationClick = async (event: NotificationEvent): Promise<void> => {
  event.notification.close();
  const data = event.notification.data as { url?: unknown } | null;
  const url = typeof data?.url == 'string' ? data.url : worker.registration.scope;
  const tabs = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = tabs.find((tab) => page(tab.url) == page(url));
  if (open) await open.focus();
  else await worker.clients.openWindow(url);
};
