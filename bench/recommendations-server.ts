// The recommendations bench's server, in its own process (its own core) as in production: builds the model
// from the seeded database the way main.ts does, then serves the real app. The parent drives it over IPC.
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { createApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { openMigratedDb } from '../server/src/db/client.ts';
import type { RecommendationService } from '../server/src/recommend/serve/recommendation-service.ts';
import { readPersonContext } from '../server/src/recommend/serve/person-context.ts';
import { windowEvents } from '../server/src/recommend/serve/load-events.ts';
import { sha256 } from '../server/src/sites/keys.ts';
import { SITE } from './recommendations-db.ts';
import { percentiles } from './open-loop.ts';
import { freshBatches, makeCatalog, MIX, requestMix } from './recommendations-shop.ts';

type Percentiles = ReturnType<typeof percentiles>;
export type ServerMessage =
  | { type: 'built'; readMs: number; buildMs: number; events: number; heapBytes: number; arrayBufferBytes: number; rssBytes: number; stats: Record<string, number> }
  | { type: 'ready'; port: number }
  | { type: 'model-latency'; byScenario: Record<string, Percentiles> }
  | { type: 'served'; byTag: Record<string, Percentiles>; loopDelay: { p50: number; p99: number; max: number } }
  | { type: 'ingest'; events: number; batches: number; ms: number; productRefreshMs: number }
  /** CPU time (user + system) the server process has used so far */
  | { type: 'cpu'; micros: number }
  /** a rebuild beside live traffic is done: how long it took, and the process's memory at its end */
  | { type: 'rebuilt'; ms: number; rssBytes: number; heapBytes: number; stats: Record<string, number> };
export type ParentMessage =
  | { type: 'model-latency'; perScenario: number }
  /** starts recording server-side times and event-loop delay afresh; `served` answers with what was recorded */
  | { type: 'record' }
  | { type: 'served' }
  | { type: 'cpu' }
  | { type: 'ingest'; events: number }
  | { type: 'rebuild' }
  | { type: 'stop' };

// `npm run bench` runs plain tsx; --expose-gc is set here instead, before the first collection is asked for
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const send = (m: ServerMessage) => process.send!(m);
const settled = () => {
  gc();
  gc();
  return process.memoryUsage();
};

const products = Number(process.env.BENCH_PRODUCTS);
const db = await openMigratedDb(process.env.BENCH_DB_URL!);
const config = loadConfig({});
const { app, deps } = createApp({ db, config, adminTokenHash: sha256('bench') });
const service = deps.recommendations as RecommendationService; // in process: no recommendationsOnWorker

// the floor under a rebuild: the same read of the same events (SQL, rows, params JSON), learning nothing
let started = performance.now();
let events = 0;
const window = { since: Date.now() - service.options.windowDays * 86_400_000, maxEvents: service.options.maxEvents, pageSize: service.options.pageSize };
for await (const _ of windowEvents(db, SITE.id, window)) events++;
const readMs = performance.now() - started;

const before = settled();
started = performance.now();
await service.buildAll(); // what main.ts awaits before listening
const buildMs = performance.now() - started;
const after = settled();
send({
  type: 'built', readMs, buildMs, events,
  heapBytes: after.heapUsed - before.heapUsed,
  arrayBufferBytes: after.arrayBuffers - before.arrayBuffers,
  rssBytes: after.rss - before.rss,
  stats: service.stats(SITE.id) ?? {},
});

const visitorIds = (await db.client.execute({ sql: 'SELECT visitor_id FROM visitors WHERE site_id = ?', args: [SITE.id] })).rows.map((r) => String(r.visitor_id));
const catalog = makeCatalog(products);

/** service.recommend alone: no HTTP, no query parsing, the person's stage and cart read beforehand */
async function modelLatency(perScenario: number) {
  const next = requestMix(catalog, visitorIds, 23);
  const requests = await Promise.all(Array.from({ length: perScenario * MIX.length }, async (_, i) => {
    const r = next(i);
    return { ...r, person: await readPersonContext(db, SITE.id, r.visitor) };
  }));
  const times = new Map<string, number[]>();
  for (const [i, r] of requests.entries()) {
    const t0 = performance.now();
    await service.recommend({ siteId: SITE.id, visitorId: r.visitor, scenario: r.scenario, item: r.item, category: r.category, limit: 8, min: 1, person: r.person });
    const ms = performance.now() - t0;
    if (i >= MIX.length * 20) (times.get(r.scenario) ?? times.set(r.scenario, []).get(r.scenario)!).push(ms); // the first 20 of each warm up
  }
  return Object.fromEntries([...times].map(([scenario, list]) => [scenario, percentiles(list)]));
}

/** ingest as the collector calls it after each commit, for batches of fresh events; then one product refresh */
async function ingest(count: number) {
  const batches = freshBatches(catalog, visitorIds, count, Date.now());
  const t0 = performance.now();
  for (const b of batches) service.ingest(SITE.id, b.visitorId, b.events, Date.now());
  const ms = performance.now() - t0;
  const t1 = performance.now();
  await service.refreshProducts(SITE.id); // what a request does in the background once a minute
  return { events: count, batches: batches.length, ms, productRefreshMs: performance.now() - t1 };
}

/**
 * Server-side time of each request: from the moment node:http has parsed its headers (this listener runs
 * before Hono's) until the answer is handed to the socket. What it leaves out of the client's figure is the
 * wait in the socket before the event loop reads the request, and the loopback itself.
 */
let served = new Map<string, number[]>();
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
function timeRequests(server: Server) {
  server.prependListener('request', (req, res) => {
    const t0 = performance.now();
    const tag = req.url?.startsWith('/healthz') ? 'healthz' : (/[?&]scenario=([\w-]+)/.exec(req.url ?? '')?.[1] ?? 'other');
    res.once('finish', () => {
      const ms = performance.now() - t0;
      for (const key of tag === 'healthz' ? [tag] : [tag, 'mix']) (served.get(key) ?? served.set(key, []).get(key)!).push(ms);
    });
  });
}
function servedSoFar(): Extract<ServerMessage, { type: 'served' }> {
  const ms = (ns: number) => ns / 1e6;
  return {
    type: 'served',
    byTag: Object.fromEntries([...served].map(([tag, list]) => [tag, percentiles(list)])),
    loopDelay: { p50: ms(loopDelay.percentile(50)), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) },
  };
}

// phase marks on the profiler's clock (µs), to read one phase of a BENCH_CPU_PROF profile or a --trace-gc log
const mark = (phase: string) => (process.env.BENCH_CPU_PROF || process.env.BENCH_SERVER_FLAGS) && console.error(`phase ${phase} at ${process.hrtime.bigint() / 1000n} µs`);
process.on('message', (m: ParentMessage) => {
  mark(m.type);
  if (m.type === 'model-latency') void modelLatency(m.perScenario).then((byScenario) => send({ type: 'model-latency', byScenario }));
  else if (m.type === 'record') {
    served = new Map();
    loopDelay.reset();
    loopDelay.enable();
  } else if (m.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    send({ type: 'cpu', micros: user + system });
  } else if (m.type === 'served') {
    loopDelay.disable();
    send(servedSoFar());
  } else if (m.type === 'ingest') void ingest(m.events).then((r) => send({ type: 'ingest', ...r }));
  else if (m.type === 'rebuild') {
    // the daily rebuild (SHOPLOOP_RECS_REBUILD_HOURS), started now; memory read before the old model is let go
    const t0 = performance.now();
    void service.rebuild(SITE.id).then(() => {
      const { rss, heapUsed } = process.memoryUsage();
      send({ type: 'rebuilt', ms: performance.now() - t0, rssBytes: rss, heapBytes: heapUsed, stats: service.stats(SITE.id) ?? {} });
    });
  } else server.close(() => process.exit(0));
});
// as main.ts does; the lifecycle scheduler stays off: its chores are not the endpoint's cost
if (config.recsCatchUpMs > 0) service.startCatchingUp(config.recsCatchUpMs);
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => send({ type: 'ready', port: info.port })) as Server;
timeRequests(server);
