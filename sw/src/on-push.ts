import { readMessage } from './message.ts';
import { firstSighting } from './state.ts';
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
 * id seen before (a server retry that had in fact arrived) is not shown again. A payload that cannot be read, or a
 * notification that fails to show with its images, falls back to a plain one.
 */
export const onPush = async (event: Pick<PushEvent, 'data'>): Promise<void> => {
  let text: string | undefined;
  try {
    text = event.data?.text();
  } catch {}
  const message = readMessage(text);
  if (!message) return fallback();
  const { id, title, body, icon, image, tag, url } = message;
  // storage failing must not cost the visitor the message: show it as new
  if (!(await firstSighting(id).catch(() => true))) return;
  try {
    await worker.registration.showNotification(title, { body, icon, image, tag, data: { url, id } } as NotificationOptions);
  } catch {
    await worker.registration.showNotification(title, { body, tag, data: { url, id } });
  }
};
