import { readMessage } from './message.ts';
import { firstSighting, readState } from './state.ts';
import { worker, type PushEvent } from './worker-scope.ts';

/** Shown when a push cannot be read: every push must show something (userVisibleOnly). */
const fallback = () =>
  worker.registration.showNotification(worker.location.hostname, {
    body: 'There is news for you.',
    tag: 'shoploop',
    data: { url: worker.registration.scope },
  });

/**
 * `push`: shows the message, with `tag` so a later message on the same topic replaces it on the device. A message
 * id seen before (a server retry that had in fact arrived) is not shown again. A payload that cannot be read still
 * shows a plain notification when the visitor subscribed through Shoploop (a registration has one subscription,
 * so every push to it is then Shoploop's); without that state the push is the shop's own, in a worker that
 * imports sw.js, and is left to the shop's listener. A notification that fails to show with its images is shown
 * without them.
 */
export const onPush = async (event: Pick<PushEvent, 'data'>): Promise<void> => {
  let text: string | undefined;
  try {
    text = event.data?.text();
  } catch {}
  const message = readMessage(text);
  if (!message) {
    // storage failing: better a generic notification than none
    if (await readState().catch(() => true)) await fallback();
    return;
  }
  const { id, title, body, icon, image, tag, url } = message;
  // storage failing must not cost the visitor the message: show it as new
  if (!(await firstSighting(id).catch(() => true))) return;
  try {
    await worker.registration.showNotification(title, { body, icon, image, tag, data: { url, id } } as NotificationOptions);
  } catch {
    await worker.registration.showNotification(title, { body, tag, data: { url, id } });
  }
};
