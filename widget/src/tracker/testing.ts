// Helpers for the tracker's tests (not bundled: nothing in the script imports this file).
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import type { CollectBatch } from '../../../server/src/collect/schema.ts';
import { findProduct } from './detect/product.ts';
import { pageUrl } from './detect/spa.ts';

/** A fresh, empty IndexedDB for this test; a "reload" creates a new tracker over the same one. */
export const freshIndexedDb = (): IDBFactory => {
  const factory = new IDBFactory();
  vi.stubGlobal('indexedDB', factory);
  return factory;
};

/**
 * Stubs fetch as the collector: answers with `statuses` in turn (the last one repeats; 0 is a network failure)
 * and records every batch sent.
 */
export const stubCollector = (...statuses: number[]) => {
  const batches: CollectBatch[] = [];
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    batches.push(JSON.parse(init.body as string));
    const status = (statuses.length > 1 ? statuses.shift() : statuses[0]) ?? 200;
    if (status == 0) throw new TypeError('Failed to fetch');
    return new Response('{}', { status });
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, batches, requests, events: () => batches.flatMap((batch) => batch.events) };
};

/** Lets promises, IndexedDB requests and fetches in flight finish (fake-indexeddb works in macrotasks). */
export const settle = async (): Promise<void> => {
  for (let i = 0; i < 30; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** Fake setTimeout/Date only: fake-indexeddb schedules with setImmediate, which must stay real. */
export const useFakeClock = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });

/**
 * Stands in for `withProduct` (./product.ts): node cannot import() shoploop-product.js from the tracker's folder, so
 * the same detector runs in-process, a tick later as after the import, skipped if the page changed meanwhile.
 * `vi.mock('./product.ts', async () => ({ withProduct: (await import('./testing.ts')).detectInProcess }))`
 */
export const detectInProcess = (_config: unknown, onProduct: (item: Record<string, any>) => void): void => {
  const page = pageUrl();
  void Promise.resolve().then(() => {
    const item = page == pageUrl() && findProduct();
    if (item) onProduct(item);
  });
};
