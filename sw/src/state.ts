import { openDB, type DBSchema } from 'idb';

// The service worker's own small state, in the shop origin's IndexedDB database `shoploop-sw`: written by the
// page's UI code when the visitor subscribes (docs: /work/notes/push-design.md, "Service worker state"), read by
// sw.js, which also keeps the ids of the messages it has shown. The UI bundle and sw.js both import this file.

/** What sw.js needs to re-subscribe on its own (pushsubscriptionchange) and tell the server. */
export interface WorkerState {
  /** Shoploop's API base, e.g. "https://shoploop.example.com" (no trailing slash) */
  api: string;
  site: string;
  vid: string;
  /** the site's VAPID public key, base64url */
  publicKey: string;
}

interface StateDb extends DBSchema {
  state: { key: 'current'; value: WorkerState };
  /** the ids of the last messages shown, oldest first */
  seen: { key: 'ids'; value: string[] };
}

/** How many message ids are remembered: a repeat comes within minutes (a server retry), not after 50 messages. */
export const seenLimit = 50;

const open = () =>
  openDB<StateDb>('shoploop-sw', 1, {
    upgrade(db) {
      db.createObjectStore('state');
      db.createObjectStore('seen');
    },
  });

/** Runs `work` on a fresh connection and closes it, so a later version of this database can always upgrade. */
const withDb = async <T>(work: (db: Awaited<ReturnType<typeof open>>) => Promise<T>): Promise<T> => {
  const db = await open();
  try {
    return await work(db);
  } finally {
    db.close();
  }
};

export const readState = (): Promise<WorkerState | undefined> => withDb((db) => db.get('state', 'current'));

export const writeState = (state: WorkerState): Promise<unknown> => withDb((db) => db.put('state', state, 'current'));

/** After an unsubscribe: nothing left for pushsubscriptionchange to re-subscribe. */
export const clearState = (): Promise<unknown> => withDb((db) => db.delete('state', 'current'));

/**
 * Remembers a message id; false when it was already there (the message was shown before). Read and write in one
 * transaction, so two deliveries of one message at once cannot both pass.
 */
export const firstSighting = (id: string): Promise<boolean> =>
  withDb(async (db) => {
    const tx = db.transaction('seen', 'readwrite');
    const ids = (await tx.store.get('ids')) ?? [];
    const first = !ids.includes(id);
    if (first) await tx.store.put([...ids, id].slice(-seenLimit), 'ids');
    await tx.done;
    return first;
  });
