import { isId, newId } from './ids.ts';
import { load, remove, save } from './storage.ts';

const visitorKey = 'shoploop:vid';
/** "<session id> <last activity ms>" */
const sessionKey = 'shoploop:sid';
const sessionTimeoutMs = 30 * 60 * 1000;

/** The first-party visitor id, created on first use. */
export const visitorId = (): string => {
  let id = load(visitorKey);
  if (!isId(id)) save(visitorKey, (id = newId()));
  return id;
};

/** The current session id; a new one starts after 30 minutes without events. Marks `now` as activity. */
export const sessionId = (now: number): string => {
  const [stored, lastActivity] = (load(sessionKey) ?? '').split(' ');
  const id = isId(stored) && now - Number(lastActivity) < sessionTimeoutMs ? stored : newId();
  save(sessionKey, id + ' ' + now);
  return id;
};

export const forgetIdentity = (): void => {
  remove(visitorKey);
  remove(sessionKey);
};
