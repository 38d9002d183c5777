import { afterEach, expect, test, vi } from 'vitest';
import { freePort } from '../e2e/support/free-port.ts';
import { deliverTheRest, expectAllStoredOnce } from './support/delivery.ts';
import { startServer, type ServerProcess } from './support/server-process.ts';
import { shopDatabase, storedCounts } from './support/shop-database.ts';
import { trackerClients } from './support/tracker-clients.ts';
import { waitFor } from './support/wait-for.ts';

const CLIENTS = 200;
const EVENTS_PER_CLIENT = 500;
const TOTAL = CLIENTS * EVENTS_PER_CLIENT; // 100,000

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

test('kill -9 of the server mid-run: every acknowledged event is stored once, and the clients deliver the rest', { timeout: 240_000 }, async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {}); // the tracker's debug line for each refused batch
  const shop = await shopDatabase();
  cleanups.push(() => shop.remove());
  const port = await freePort();
  // every shopper posts from 127.0.0.1 here: the per-address limit (1,200 a minute) is meant for real addresses
  const env = { SHOPLOOP_DB_URL: shop.url, SHOPLOOP_RATE_IP_PER_MIN: '0' };
  let server: ServerProcess = await startServer(port, env);
  cleanups.push(() => server.kill9());

  const clients = trackerClients({ api: server.url, clients: CLIENTS, eventsPerClient: EVENTS_PER_CLIENT, pauseMs: [50, 150] });
  cleanups.push(() => clients.restore());
  const started = performance.now();
  const browsing = clients.run();

  await waitFor(() => clients.acknowledged.size >= 0.4 * TOTAL, 150_000, 'clients to see 40% acknowledged');
  await server.kill9();
  const acknowledgedAtKill = new Set(clients.acknowledged);
  const killedAt = performance.now();

  // What the dead process acknowledged is in the file it left, before any client sends anything again.
  const inFile = await storedCounts(shop.db);
  const lost = [...acknowledgedAtKill].filter((id) => inFile.get(id) !== 1);
  expect(lost, 'acknowledged before the kill but not in the file').toEqual([]);

  server = await startServer(port, env); // same file, same port
  const restartedAt = performance.now();
  await browsing;
  // Retries with backoff carry on by themselves; each shopper's next page sends what its outbox still holds.
  await deliverTheRest(clients);

  const stored = await expectAllStoredOnce(shop.db, clients);
  expect(new Set(clients.generated).size).toBe(TOTAL);
  expect(stored.size).toBe(TOTAL);
  // the fault really happened mid-run: some batches went unanswered, and the run went on after the restart
  expect(clients.answers.get(0) ?? 0).toBeGreaterThan(0);
  expect(acknowledgedAtKill.size).toBeLessThan(TOTAL);

  console.log(
    `kill -9 mid-collect: ${acknowledgedAtKill.size} of ${TOTAL} acknowledged at the kill (${((killedAt - started) / 1000).toFixed(1)} s in), ` +
      `restart took ${((restartedAt - killedAt) / 1000).toFixed(1)} s, all ${stored.size} stored once after ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `answers ${JSON.stringify(Object.fromEntries(clients.answers))}`,
  );
});
