import { newId } from './ids.ts';
import { identityKey as key, load, save } from './storage.ts';
import { sessionTimeoutMs } from './timing.ts';

/** the stored "<visitor id> <session id> <last activity ms>" (see storage.ts) */
const stored = () => (load(key) || newId()).split(' ');

/** The visitor id (created by the first event; a fresh one until then). */
export const visitorId = (): string => stored()[0]!;

/** The session id for an event at `now`: a new session starts after 30 minutes without events. */
export const sessionId = (now: number): string => {
  let [visitor, session, lastActivity] = stored();
  if (!(now - +lastActivity! < sessionTimeoutMs)) session = newId();
  save(key, `${visitor} ${session} ${now}`);
  return session!;
};

export const forgetIdentity = (): void => save(key, ''); // forgets it (see storage.ts)
