import { createApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { openMigratedDb } from '../server/src/db/client.ts';
import { createHttpServer } from '../server/src/http/server.ts';
import { sha256 } from '../server/src/sites/keys.ts';
import { createSite } from '../server/src/sites/sites.ts';

// The collector in its own process (its own core), served as main.ts serves it: a fresh database. The rate
// limits stay on, as in production, but high enough that one load generator's address never reaches them.
const db = await openMigratedDb(process.env.BENCH_DB_URL!);
await createSite(db, { name: 'bench', origins: ['http://shop.bench'], publicKey: 'pk_bench' }, Date.now());
const config = { ...loadConfig({}), rateLimit: { perVisitorPerMinute: 1_000_000, perIpPerMinute: 1_000_000_000 } };
const shoploop = createApp({ db, config, adminTokenHash: sha256('bench') });
// The HTTP ceiling for comparison: the same body read and JSON-parsed by Hono, then discarded.
shoploop.app.post('/bench/discard', async (c) => {
  const body = (await c.req.json()) as { events: unknown[] };
  return c.json({ ok: true, received: body.events.length });
});
const server = createHttpServer(shoploop, '127.0.0.1').listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
