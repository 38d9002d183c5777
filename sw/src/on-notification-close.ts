import type { NotificationEvent } from './worker-scope.ts';

/**
 * `notificationclose`: the visitor dismissed a message. Nothing is reported yet (the server's message statuses
 * have no "dismissed"); the id stays remembered, so a repeat delivery of a dismissed message stays hidden. Wired so
 * that a later release reports dismissals without touching the entry.
 */
export const onNotificationClose = async (_event: NotificationEvent): Promise<void> => {};
