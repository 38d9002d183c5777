import { RoundGate } from './health/round-gate.ts';
import { createApp, type CreateAppOptions } from './app.ts';
import { adminTokenHashSource, ensureAdminToken } from './admin/admin-token.ts';
import { systemClock, type Clock } from './clock.ts';
import { loadConfig } from './config.ts';
import { openMigratedDb } from './db/client.ts';
import { createHttpServer } from './http/server.ts';

/** Reads config, migrates, listens. Everything else lives in createApp. */
export async function startServer(env: NodeJS.ProcessEnv = process.env, clock: Clock = systemClock, options: Pick<CreateAppOptions, 'pushAgent'> = {}) {
  const config = loadConfig(env);
  const db = await openMigratedDb(config.dbUrl, config.dbAuthToken);
  const token = await ensureAdminToken(db, config.adminToken);
  // the models learn and rebuild on a worker thread, unless a test injects its own clock (the worker keeps the system's)
  const recommendationsOnWorker = clock === systemClock && !config.dbUrl.includes(':memory:');
  const shoploop = createApp({ db, clock, config, adminTokenHash: adminTokenHashSource(db, config.adminToken), recommendationsOnWorker, ...options });
  await shoploop.deps.recommendations.buildAll();
  // one gate each: a failed lifecycle round pauses lifecycle rounds, not campaigns, and the other way round
  shoploop.deps.scheduler.start(config.schedulerIntervalMs, new RoundGate(shoploop.health));
  if (config.campaignIntervalMs > 0) shoploop.deps.campaigns.start(config.campaignIntervalMs, new RoundGate(shoploop.health));
  if (config.recsCatchUpMs > 0) shoploop.deps.recommendations.startCatchingUp(config.recsCatchUpMs);
  if (config.recsRebuildHours > 0) shoploop.deps.recommendations.startRebuilding(config.recsRebuildHours * 3_600_000);
  const server = createHttpServer(shoploop, config.host);
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(config.port, config.host, () => resolve()));
  const stop = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await shoploop.close();
    db.close();
  };
  return { config, db, server, stop, adminToken: token.generated ?? config.adminToken };
}

const isEntry = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) {
  const { config, stop, adminToken } = await startServer();
  console.log(`Shoploop listening on http://localhost:${config.port} (database ${config.dbUrl})`);
  if (adminToken && !config.adminToken) {
    console.log(`Admin token (shown once; set SHOPLOOP_ADMIN_TOKEN or run "npm run shoploop -- admin reset-token" to replace it):\n  ${adminToken}`);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stop().then(() => process.exit(0)));
  }
}
