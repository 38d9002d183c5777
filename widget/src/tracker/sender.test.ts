import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { TrackedEvent } from './event.ts';
import { openOutbox } from './outbox.ts';
import { createSender } from './sender.ts';
import { freshIndexedDb, settle, stubCollector, useFakeClock } from './testing.ts';

const url = 'https://c.example/v1/collect';
const envelope = () => ({ site: 'pk_1', vid: 'v1', v: '0.1.0' });
let allowed = true;
let seq = 0;

const event = (params: TrackedEvent['params'] = {}): TrackedEvent => ({
  id: `e${String(seq++).padStart(5, '0')}`,
  name: 'page_view',
  ts: 1,
  sid: 's1',
  url: 'https://shop/',
  params,
});
/** a tracker over the current IndexedDB; a second one is the same visitor after a reload */
const page = () => createSender(url, envelope, openOutbox('pk_1'), () => allowed);
const stored = async () => (await openOutbox('pk_1').all()).map((e) => e.id);

beforeEach(() => {
  allowed = true;
  freshIndexedDb();
  useFakeClock();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

test('events wait a second, then go in one batch; acknowledged ones leave the outbox', async () => {
  const collector = stubCollector(200);
  const sender = page();
  const events = [event(), event(), event()];
  events.forEach(sender.add);
  await settle();
  expect(await stored()).toEqual(events.map((e) => e.id));
  await vi.advanceTimersByTimeAsync(999);
  expect(collector.fetch).not.toHaveBeenCalled();
  await vi.advanceTimersByTimeAsync(1);
  await settle();
  expect(collector.batches).toHaveLength(1);
  expect(collector.batches[0]).toEqual({ ...envelope(), events });
  expect(await stored()).toEqual([]);
});

test('20 waiting events go at once', async () => {
  const collector = stubCollector(200);
  const sender = page();
  for (let i = 0; i < 20; i++) sender.add(event());
  expect(collector.batches[0]?.events).toHaveLength(20);
});

test('flush sends at once, synchronously (what pagehide needs)', () => {
  const collector = stubCollector(200);
  const sender = page();
  sender.add(event());
  sender.flush();
  expect(collector.fetch).toHaveBeenCalledTimes(1);
});

test('events survive a failed send and a reload: the next page sends them', async () => {
  stubCollector(0);
  const first = page();
  [event(), event()].forEach(first.add);
  first.flush();
  await settle();
  expect(await stored()).toHaveLength(2);

  const collector = stubCollector(200);
  await page().drain();
  await settle();
  expect(collector.events().map((e) => e.id)).toEqual(['e' + String(seq - 2).padStart(5, '0'), 'e' + String(seq - 1).padStart(5, '0')]);
  expect(await stored()).toEqual([]);
});

test('a permanent rejection (400) drops the batch and is not retried', async () => {
  const collector = stubCollector(400);
  const sender = page();
  sender.add(event());
  sender.flush();
  await settle();
  expect(await stored()).toEqual([]);
  await vi.advanceTimersByTimeAsync(10 * 60_000);
  expect(collector.fetch).toHaveBeenCalledTimes(1);
});

test('5xx and 429 are retried with backoff: 1 s, then 2 s, ...', async () => {
  const collector = stubCollector(503, 429, 200);
  const sender = page();
  sender.add(event());
  sender.flush();
  await settle();
  expect(collector.fetch).toHaveBeenCalledTimes(1);
  await vi.advanceTimersByTimeAsync(1000);
  await settle();
  expect(collector.fetch).toHaveBeenCalledTimes(2);
  await vi.advanceTimersByTimeAsync(1999);
  await settle();
  expect(collector.fetch).toHaveBeenCalledTimes(2);
  await vi.advanceTimersByTimeAsync(1);
  await settle();
  expect(collector.fetch).toHaveBeenCalledTimes(3);
  expect(await stored()).toEqual([]);
});

test('the backoff stops doubling at 5 minutes', async () => {
  const collector = stubCollector(500);
  const sender = page();
  sender.add(event());
  sender.flush();
  await settle();
  // 1 + 2 + 4 + ... + 256 s, then 300 s each
  for (const seconds of [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]) {
    await vi.advanceTimersByTimeAsync(seconds * 1000);
    await settle();
  }
  expect(collector.fetch).toHaveBeenCalledTimes(12);
});

test('a big outbox goes in batches of at most 100 events', async () => {
  stubCollector(0);
  const first = page();
  for (let i = 0; i < 250; i++) first.add(event());
  await settle();
  const collector = stubCollector(200);
  await page().drain();
  await settle();
  expect(collector.events()).toHaveLength(250);
  expect(new Set(collector.events().map((e) => e.id)).size).toBe(250);
  for (const batch of collector.batches) expect(batch.events.length).toBeLessThanOrEqual(100);
});

test('no body is over 64 KB', async () => {
  stubCollector(0);
  const first = page();
  const item = { item_id: 'x', item_name: 'é'.repeat(300), url: 'u'.repeat(2048), image: 'i'.repeat(2048) };
  for (let i = 0; i < 30; i++) first.add(event({ items: Array(5).fill(item) }));
  await settle();
  const collector = stubCollector(200);
  await page().drain();
  await settle();
  expect(collector.events()).toHaveLength(30);
  expect(collector.batches.length).toBeGreaterThan(1);
  for (const { init } of collector.requests) expect(new Blob([init.body as string]).size).toBeLessThanOrEqual(64 * 1024);
});

test('nothing is sent while not allowed', async () => {
  const collector = stubCollector(200);
  const sender = page();
  sender.add(event());
  allowed = false;
  sender.flush();
  await sender.drain();
  await settle();
  expect(collector.fetch).not.toHaveBeenCalled();
});

test('clear empties the outbox and what waits', async () => {
  const collector = stubCollector(200);
  const sender = page();
  sender.add(event());
  sender.clear();
  sender.flush();
  await settle();
  await page().drain();
  await settle();
  expect(collector.fetch).not.toHaveBeenCalled();
});
