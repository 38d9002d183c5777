import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, expect, onTestFailed, test, vi } from 'vitest';
import { freePort } from '../e2e/support/free-port.ts';
import { health, postOneEvent } from './support/collect-request.ts';
import { deliverTheRest, expectAllStoredOnce } from './support/delivery.ts';
import { holdWriteLock } from './support/lock-holder.ts';
import { startServer, type ServerProcess } from './support/server-process.ts';
import { SITE_ID, shopDatabase, type ShopDatabase } from './support/shop-database.ts';
import { trackerClients } from './support/tracker-clients.ts';
import { waitFor } from './support/wait-for.ts';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** The server on the shop's file and `shoppers` browsers tracking on it (all post from 127.0.0.1: no per-address limit). */
async function serveShoppers(shop: ShopDatabase, shoppers: number) {
  const server = await startServer(await freePort(), { SHOPLOOP_DB_URL: shop.url, SHOPLOOP_RATE_IP_PER_MIN: '0' });
  cleanups.push(() => server.kill9());
  onTestFailed(() => console.error(`server output:\n${server.output().slice(-4000)}`));
  const clients = trackerClients({ api: server.url, clients: shoppers, eventsPerClient: 200, pauseMs: [100, 300] });
  cleanups.push(() => clients.restore());
  return { server, clients, browsing: clients.run() };
}

/** The same process stores again and says so on /healthz: recovered without a restart. */
async function expectRecovered(server: ServerProcess) {
  await waitFor(async () => (await postOneEvent(server.url)).status === 200, 30_000, 'the collector to store again');
  await waitFor(async () => (await health(server.url)).status === 200, 30_000, '/healthz to answer 200');
  expect(server.child.exitCode).toBeNull();
}

test('the database locked by another process: 503 with Retry-After, health says why, clients keep their queues, nothing lost, recovery without a restart', { timeout: 300_000 }, async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {}); // the tracker's debug line for each refused batch
  const shop = await shopDatabase();
  cleanups.push(() => shop.remove());
  const { server, clients, browsing } = await serveShoppers(shop, 40);
  await waitFor(() => clients.acknowledged.size >= 1500, 60_000, '1,500 events acknowledged');

  const lock = await holdWriteLock(shop.file);
  cleanups.push(() => lock.release());
  const lockedAt = performance.now();
  // every write the server tries holds its event loop up to busy_timeout (5 s) meanwhile: answers are slow
  const refused = await postOneEvent(server.url);
  const refusedAfter = performance.now() - lockedAt;
  expect(refused.status).toBe(503);
  expect(refused.retryAfter).toBe('5');
  expect(refused.body).toMatchObject({ error: { code: 'unavailable' } });
  const askedAt = performance.now();
  const sick = await health(server.url);
  const healthTook = performance.now() - askedAt;
  expect(sick.status).toBe(503);
  expect(sick.body.ok).toBe(false);
  expect(sick.body.database?.reason).toMatch(/locked/);
  const acknowledgedWhileLocked = clients.acknowledged.size;
  await sleep(Math.max(0, 6_000 - (performance.now() - lockedAt))); // locked for 6 s at least
  expect(await clients.waiting(), 'events waiting in the outboxes while the database is locked').toBeGreaterThan(0);
  expect(clients.acknowledged.size, 'nothing acknowledged while nothing can be stored').toBe(acknowledgedWhileLocked);
  await lock.release();
  const releasedAt = performance.now();

  // the same process recovers: writes are accepted again, and health says so
  await expectRecovered(server);
  const recoveredAt = performance.now();
  await browsing;
  await deliverTheRest(clients);
  await expectAllStoredOnce(shop.db, clients);
  expect(clients.answers.get(503) ?? 0).toBeGreaterThan(0);
  // the lifecycle scheduler, which failed its writes meanwhile, catches up too: nobody stays due
  await waitFor(
    async () => {
      const rs = await shop.db.client.execute({ sql: 'SELECT count(*) AS n FROM profiles WHERE site_id = ? AND due_at <= ?', args: [SITE_ID, Date.now() - 2_000] });
      return Number(rs.rows[0]!.n) === 0;
    },
    60_000,
    'the scheduler to evaluate everyone due',
  );
  console.log(
    `database locked ${((releasedAt - lockedAt) / 1000).toFixed(1)} s: a batch answered 503 after ${(refusedAfter / 1000).toFixed(1)} s, /healthz 503 after ${(healthTook / 1000).toFixed(1)} s, ` +
      `${clients.answers.get(503)} batches answered 503, ` +
      `recovered ${((recoveredAt - releasedAt) / 1000).toFixed(1)} s after the release, ${clients.generated.length} events stored once; answers ${JSON.stringify(Object.fromEntries(clients.answers))}`,
  );
});

/** A small tmpfs of our own for the disk-full case, or why this machine cannot mount one (not root, no CAP_SYS_ADMIN). */
function smallTmpfs(megabytes: number): { dir: string; unmount(): void } | string {
  const dir = mkdtempSync(join(tmpdir(), 'shoploop-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return `cannot mount a tmpfs here: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
  return {
    dir,
    unmount: () => {
      execFileSync('umount', ['-l', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const probe = smallTmpfs(1);
const noTmpfs = typeof probe === 'string' ? probe : (probe.unmount(), null);
if (noTmpfs) console.warn(`disk-full case skipped: ${noTmpfs}`);

test.skipIf(noTmpfs !== null)('the disk full (a 16 MB tmpfs): 503 with Retry-After, health says why, nothing acknowledged lost, recovery once space is freed, without a restart', { timeout: 150_000 }, async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const disk = smallTmpfs(16);
  if (typeof disk === 'string') throw new Error(disk);
  cleanups.push(() => disk.unmount());
  mkdirSync(join(disk.dir, 'db'));
  const shop = await shopDatabase(join(disk.dir, 'db'));
  cleanups.push(() => shop.db.close());
  // leave 1 MB: the database and its write-ahead log fill it within seconds
  const { bavail, bsize } = statfsSync(disk.dir);
  const ballast = join(disk.dir, 'ballast');
  writeFileSync(ballast, Buffer.alloc(Math.max(0, bavail * bsize - 1024 * 1024)));

  const { server, clients, browsing } = await serveShoppers(shop, 20);

  await waitFor(() => (clients.answers.get(503) ?? 0) > 0, 60_000, 'the disk to fill and the collector to answer 503');
  const fullAt = performance.now();
  const acknowledgedWhenFull = clients.acknowledged.size;
  const refused = await postOneEvent(server.url);
  expect(refused.status).toBe(503);
  expect(refused.retryAfter).toBe('5');
  const sick = await health(server.url);
  expect(sick.status).toBe(503);
  expect(sick.body.database?.reason).toMatch(/full/);
  expect(await clients.waiting(), 'events waiting in the outboxes while the disk is full').toBeGreaterThan(0);

  rmSync(ballast); // the operator frees space
  await expectRecovered(server);
  await browsing;
  await deliverTheRest(clients);
  await expectAllStoredOnce(shop.db, clients);
  console.log(
    `disk full after ${acknowledgedWhenFull} events acknowledged (${((performance.now() - fullAt) / 1000).toFixed(1)} s until all delivered); ` +
      `answers ${JSON.stringify(Object.fromEntries(clients.answers))}`,
  );
});
