import type { TrackedEvent } from './event.ts';

// Events wait here until the collector acknowledges or rejects them, so a closed tab, a lost connection or a
// server restart loses nothing: the next page sends them. A few lines of IndexedDB instead of `idb`, which
// would cost over a third of the script's size budget. When IndexedDB is unusable (blocked, private mode,
// storage errors) this page's events still wait in memory.

export interface Outbox {
  put(event: TrackedEvent): void;
  /** every waiting event, oldest first (ids sort by time) */
  all(): Promise<TrackedEvent[]>;
  delete(ids: string[]): void;
  clear(): void;
}

const store = 'events';

/** One outbox per site: a page may host more than one shop's tag. */
export const openOutbox = (site: string): Outbox => {
  const memory = new Map<string, TrackedEvent>();
  const database = new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('shoploop:' + site);
    request.onupgradeneeded = () => request.result.createObjectStore(store, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = reject;
  });

  /** Runs `work` in one transaction; resolves with its request's result once the transaction commits. */
  const run = async <T>(work: (events: IDBObjectStore) => IDBRequest<T> | void) => {
    const transaction = (await database).transaction(store, 'readwrite');
    const request = work(transaction.objectStore(store));
    return new Promise<T>((resolve, reject) => {
      transaction.oncomplete = () => resolve(request?.result as T);
      transaction.onerror = transaction.onabort = reject;
    });
  };
  const write = (work: (events: IDBObjectStore) => void) => void run(work).catch(() => {});

  return {
    put(event) {
      memory.set(event.id, event);
      write((events) => events.put(event));
    },
    all: () => run((events) => events.getAll()).catch(() => [...memory.values()]),
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
