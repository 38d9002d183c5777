import { afterEach, expect, test, vi } from 'vitest';
import { onNotificationClick } from './on-notification-click.ts';
import { freshWorker, notification, scope } from './testing.ts';

const url = 'https://shop.example/product/22423?sl_push=msg_1';
const click = (data: unknown) => {
  const shown = notification(data);
  return { shown, done: onNotificationClick({ notification: shown, action: '' } as never) };
};

afterEach(() => {
  vi.unstubAllGlobals();
});

test('a click closes the notification and focuses the tab already at the message URL, opening nothing', async () => {
  const worker = freshWorker({ tabs: ['https://shop.example/', `${url}#reviews`] });
  const { shown, done } = click({ url, id: 'msg_1' });
  await done;
  expect(shown.close).toHaveBeenCalled();
  expect(worker.focused).toEqual([`${url}#reviews`]);
  expect(worker.openWindow).not.toHaveBeenCalled();
});

test('without such a tab it opens the message URL, attribution parameter and all', async () => {
  // the same page without sl_push is another visit: the new tab reports the click
  const worker = freshWorker({ tabs: ['https://shop.example/product/22423', 'https://shop.example/'] });
  await click({ url, id: 'msg_1' }).done;
  expect(worker.openWindow).toHaveBeenCalledWith(url);
  expect(worker.focused).toEqual([]);
});

test('a notification without a URL (the generic one) opens the shop', async () => {
  const worker = freshWorker();
  await click({ url: scope }).done;
  await click(null).done;
  expect(worker.openWindow.mock.calls).toEqual([[scope], [scope]]);
});

test('a refused window (no user gesture) fails the handler, so the browser knows', async () => {
  const worker = freshWorker();
  worker.openWindow.mockRejectedValueOnce(new DOMException('Not allowed to open a window.', 'InvalidAccessError'));
  await expect(click({ url }).done).rejects.toThrow('Not allowed');
});
