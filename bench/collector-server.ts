import { serve } from '@hono/node-server';
import { createApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { openMigratedDb } from '../server/src/db/client.ts';
import { sha256 } from '../server/src/sites/keys.ts';
import { createSite } from '../server/src/sites/sites.ts';

// The collector in its own process (its own core), as in production: a fresh database, rate limits off.
const db = await openMigratedDb(process.env.BENCH_DB_URL!);
await createSite(db, { name: 'bench', origins: ['http://shop.bench'], publicKey: 'pk_bench' }, Date.now());
const config = { ...loadConfig({}), rateLimit: { perVisitorPerMinute: 0, perIpPerMinute: 0 } };
const { app } = createApp({ db, config, adminTokenHash: sha256('bench') });
// The HTTP ceiling for comparison: the same body read and JSON-parsed by Hono, then discarded.
app.post('/bench/discard', async (c) => {
  const body = (await c.req.json()) as { events: unknown[] };
  return c.json({ ok: true, received: body.events.length });
});
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`ready ${info.port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
