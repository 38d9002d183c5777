import { createServer, type RequestListener } from 'node:http';
import { createApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { openMigratedDb } from '../server/src/db/client.ts';
import { shoploopListener } from '../server/src/http/server.ts';
import { sha256 } from '../server/src/sites/keys.ts';
import { createSite, findSiteByKey } from '../server/src/sites/sites.ts';
import { ORIGIN, SITE_KEY } from './wrk/collect-bodies.ts';

// The collector in its own process (its own core), served as main.ts serves it, on a database that has the bench
// site or is given it (bench/two-instances.ts runs several of these on one file, one after the other). The rate
// limits stay on, as in production, but high enough that one load generator's address never reaches them.
const db = await openMigratedDb(process.env.BENCH_DB_URL!);
const site = (await findSiteByKey(db, SITE_KEY)) ?? (await createSite(db, { name: 'bench', origins: [ORIGIN], publicKey: SITE_KEY }, Date.now()));
const config = { ...loadConfig({}), rateLimit: { perVisitorPerMinute: 1_000_000, perIpPerMinute: 1_000_000_000 } };
const asMain = process.env.BENCH_AS_MAIN === '1';
// as main.ts: the models on a worker thread (BENCH_RECS_IN_PROCESS=1 keeps them on this one, as before, to compare)
const shoploop = createApp({ db, config, adminTokenHash: sha256('bench'), recommendationsOnWorker: asMain && process.env.BENCH_RECS_IN_PROCESS !== '1' });
// main.ts also builds the recommendation models (then every committed batch is learned), runs the lifecycle
// scheduler, the campaign runner and the models' catch-up; BENCH_AS_MAIN=1 does all of it, as main.ts does
if (asMain) {
  await shoploop.deps.recommendations.buildAll();
  shoploop.deps.scheduler.start(config.schedulerIntervalMs);
  if (config.campaignIntervalMs > 0) shoploop.deps.campaigns.start(config.campaignIntervalMs);
  if (config.recsCatchUpMs > 0) shoploop.deps.recommendations.startCatchingUp(config.recsCatchUpMs);
}

/**
 * POST /bench/rebuild?ms=N rebuilds the site's model again and again for N ms (the daily rebuild, made to last
 * the measurement) and answers with how many rebuilds ran and how long they took.
 */
async function rebuildFor(ms: number) {
  const until = performance.now() + ms;
  const took: number[] = [];
  while (performance.now() < until) {
    const t0 = performance.now();
    await shoploop.deps.recommendations.rebuild(site.id);
    took.push(performance.now() - t0);
  }
  return { rebuilds: took.length, ms: took };
}

/** The HTTP ceiling for comparison, in front of it all: node:http reads and JSON-parses the body, stores nothing. */
const withDiscard = (next: RequestListener): RequestListener => (req, res) => {
  if (req.url?.startsWith('/bench/rebuild')) {
    void rebuildFor(Number(new URL(req.url, 'http://x').searchParams.get('ms'))).then((r) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(r)));
    return;
  }
  if (req.url !== '/bench/discard-node') return next(req, res);
  let body = '';
  req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => {
    const json = JSON.stringify({ ok: true, received: (JSON.parse(body) as { events: unknown[] }).events.length });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) }).end(json);
  });
};

const server = createServer(withDiscard(shoploopListener(shoploop, '127.0.0.1'))).listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
