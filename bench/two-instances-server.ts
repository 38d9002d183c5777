import { createServer } from 'node:http';
import { createApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { openMigratedDb } from '../server/src/db/client.ts';
import { shoploopListener } from '../server/src/http/server.ts';
import { sha256 } from '../server/src/sites/keys.ts';

// One collector instance of bench/two-instances.ts: like bench/collector-server.ts, but on a database file the
// parent has already migrated and given the bench site, so that any number of these can share it (a second
// createSite would collide). Opens with the migrations at start, as main.ts does. Rate limits on, set high.
const db = await openMigratedDb(process.env.BENCH_DB_URL!);
const config = { ...loadConfig({}), rateLimit: { perVisitorPerMinute: 1_000_000, perIpPerMinute: 1_000_000_000 } };
const shoploop = createApp({ db, config, adminTokenHash: sha256('bench') });

const server = createServer(shoploopListener(shoploop, '127.0.0.1')).listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
