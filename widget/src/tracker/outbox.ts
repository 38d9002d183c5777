import type { TrackedEvent } from './event.ts';

// Events wait here until the collector acknowledges or rejects them, so a closed tab, a lost connection or a
// server restart loses nothing: the next page sends them. A few lines of IndexedDB (about 220 bytes gzipped)
// instead of `idb`, whose openDB alone is about 1.4 KB gzipped, nearly half the script's budget. Where IndexedDB
// is unusable (blocked, private mode, storage errors) this page's events still wait in memory.

export interface Outbox {
  put(event: TrackedEvent): void;
  /** every waiting event, oldest first (ids sort by time) */
  all(): Promise<TrackedEvent[]>;
  delete(ids: string[]): void;
  clear(): void;
}

const storeName = 'events';

const result = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = reject;
  });

/** One outbox per site key, so events never travel under another site's key (staging and live on one origin). */
export const openOutbox = (site: string): Outbox => {
  const memory = new Map<string, TrackedEvent>();
  const database = (async () => {
    const request = indexedDB.open('shoploop:' + site);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName, { keyPath: 'id' });
    return result(request);
  })();
  /** The store in a transaction of its own. All are read-write, so they run in the order they were asked for. */
  const store = async () => (await database).transaction(storeName, 'readwrite').objectStore(storeName);
  const write = (work: (events: IDBObjectStore) => void) => store().then(work).catch(() => {});

  return {
    put(event) {
      memory.set(event.id, event);
      write((events) => events.put(event));
    },
    all: () =>
      store()
        .then((events) => result(events.getAll()))
        .catch(() => [...memory.values()]),
    delete(ids) {
      ids.forEach((id) => memory.delete(id));
      write((events) => ids.forEach((id) => events.delete(id)));
    },
    clear() {
      memory.clear();
      write((events) => events.clear());
    },
  };
};
