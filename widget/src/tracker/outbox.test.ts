import { afterEach, expect, test, vi } from 'vitest';
import type { TrackedEvent } from './event.ts';
import { openOutbox } from './outbox.ts';
import { freshIndexedDb, settle } from './testing.ts';

afterEach(() => vi.unstubAllGlobals());

const event = (id: string): TrackedEvent => ({ id, name: 'page_view', ts: 1, sid: 's', url: 'https://shop/', params: {} });

test('events survive a reload, oldest first', async () => {
  freshIndexedDb();
  const outbox = openOutbox('pk_1');
  outbox.put(event('b'));
  outbox.put(event('a'));
  await settle();
  const reloaded = openOutbox('pk_1');
  expect((await reloaded.all()).map((e) => e.id)).toEqual(['a', 'b']);
});

test('deleted and cleared events are gone after a reload', async () => {
  freshIndexedDb();
  const outbox = openOutbox('pk_1');
  ['a', 'b', 'c'].forEach((id) => outbox.put(event(id)));
  outbox.delete(['a', 'c']);
  await settle();
  expect((await openOutbox('pk_1').all()).map((e) => e.id)).toEqual(['b']);
  outbox.clear();
  await settle();
  expect(await openOutbox('pk_1').all()).toEqual([]);
});

test('each site has its own outbox', async () => {
  freshIndexedDb();
  openOutbox('pk_1').put(event('a'));
  await settle();
  expect(await openOutbox('pk_2').all()).toEqual([]);
});

test('without IndexedDB, events wait in memory for this page', async () => {
  vi.stubGlobal('indexedDB', undefined);
  const outbox = openOutbox('pk_1');
  outbox.put(event('a'));
  outbox.put(event('b'));
  outbox.delete(['a']);
  expect((await outbox.all()).map((e) => e.id)).toEqual(['b']);
});
