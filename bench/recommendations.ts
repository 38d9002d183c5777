import { type ChildProcess, fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import { SITE, seedShop } from './recommendations-db.ts';
import { percentiles } from './open-loop.ts';
import { openLoopGet } from './recommendations-load.ts';
import type { ParentMessage, ServerMessage } from './recommendations-server.ts';
import { MIX, recommendationsPath, requestMix, type ShopSize } from './recommendations-shop.ts';
import { tempDb } from './support/temp-db.ts';

const GOAL_P99_MS = 5;
const RATE = 500;

type Size = ShopSize & { ingest: number; rounds: number; seconds: number; warmup: number; modelRequests: number };
type Shop = Awaited<ReturnType<typeof seedShop>>;

const sizes: Record<'full' | 'quick', Size> = {
  full: { products: 100_000, events: 1_000_000, visitors: 100_000, days: 60, ingest: 100_000, rounds: 3, seconds: 4, warmup: 3, modelRequests: 500 },
  quick: { products: 10_000, events: 100_000, visitors: 10_000, days: 60, ingest: 10_000, rounds: 1, seconds: 2, warmup: 1, modelRequests: 100 },
};

function nextMessage<T extends ServerMessage['type']>(child: ChildProcess, type: T): Promise<Extract<ServerMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: ServerMessage) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(m as Extract<ServerMessage, { type: T }>);
    };
    const onExit = (code: number | null) => reject(new Error(`recommendations server exited with ${code}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

const ask = <T extends ServerMessage['type']>(child: ChildProcess, m: ParentMessage & { type: T }) => {
  const answer = nextMessage(child, m.type);
  child.send(m);
  return answer;
};

/**
 * Issue 4: the served recommendations at shop scale. A fresh database with a synthetic shop (see
 * recommendations-shop.ts), the real app in its own process building its model as at start-up, then: rebuild
 * time against reading the same events, model memory, GET /v1/recommendations at a fixed rate next to GET
 * /healthz at the same rate (alternating rounds, so both see the same machine), service.recommend alone, the
 * periodic rebuild beside the same traffic, and ingest per event. Prints as it goes; returns the figures.
 */
export async function recommendationsBench(quick: boolean, log: (line: string) => void = console.log) {
  const size = sizes[quick ? 'quick' : 'full'];
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

  log(`\n== Recommendations: GET /v1/recommendations with ${fmt(size.products)} products and ${fmt(size.events)} events (docs/recommendations.md, Performance) ==`);
  const t = await tempDb('recs');
  try {
    const shop = await seedShop(t.db, size, Date.now());
    t.db.close(); // the server process opens it
    log(`shop: ${fmt(size.products)} products, ${fmt(shop.events)} events (${Object.entries(shop.kinds).map(([k, n]) => `${k} ${fmt(n)}`).join(', ')}), ${fmt(shop.sessions)} sessions, ${fmt(size.visitors)} visitors over ${size.days} days; generated in ${fmt(shop.generateMs)} ms, loaded in ${fmt(shop.loadMs)} ms`);
    log(`  stages: ${Object.entries(shop.stages).map(([s, n]) => `${s} ${fmt(n)}`).join(', ')}`);
    return { shop: { ...shop, catalog: undefined, visitorIds: undefined }, ...(await measureServer(t.url, size, shop, log)) };
  } finally {
    rmSync(t.dir, { recursive: true, force: true });
  }
}

/** the server process on the seeded database, driven through the measurements in turn */
async function measureServer(url: string, size: Size, shop: Pick<Shop, 'catalog' | 'visitorIds'>, log: (line: string) => void) {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const ms = (n: number) => n.toFixed(2);
  const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
  // BENCH_CPU_PROF=DIR profiles the server process (as for the collector); BENCH_SERVER_FLAGS adds node flags
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const flags = process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? [];
  const child = fork('bench/recommendations-server.ts', [], {
    execArgv: ['--import', 'tsx', ...profile, ...flags],
    env: { ...process.env, BENCH_DB_URL: url, BENCH_PRODUCTS: String(size.products) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const ready = nextMessage(child, 'ready');
    const built = await nextMessage(child, 'built');
    const { port } = await ready;
    const perEvent = (total: number) => `${((total * 1000) / built.events).toFixed(1)} µs/event`;
    log(`full rebuild (buildAll, as at start-up): ${fmt(built.buildMs)} ms for ${fmt(built.events)} events = ${perEvent(built.buildMs)}; ${(built.buildMs / built.readMs).toFixed(1)}× reading the same events without learning (${fmt(built.readMs)} ms)`);
    log(`model memory after GC: heap +${mb(built.heapBytes)} MB, typed arrays +${mb(built.arrayBufferBytes)} MB (${fmt((built.heapBytes + built.arrayBufferBytes) / built.events)} B/event), RSS +${mb(built.rssBytes)} MB`);
    log(`  stats: ${Object.entries(built.stats).map(([k, n]) => `${k} ${fmt(n)}`).join(', ')}`);

    // model cost alone, per scenario, before any HTTP
    const model = await ask(child, { type: 'model-latency', perScenario: size.modelRequests });

    // GET /healthz and GET /v1/recommendations at the same rate, in alternating rounds after one warm-up
    const headers = { origin: SITE.origin, 'user-agent': 'Mozilla/5.0 Chrome/130' };
    const mix = requestMix(shop.catalog, shop.visitorIds);
    const recs = (i: number) => {
      const r = mix(i);
      return { path: recommendationsPath(SITE.publicKey, r), tag: r.scenario };
    };
    const health = () => ({ path: '/healthz', tag: 'healthz' });
    await openLoopGet(port, RATE, size.warmup, recs, headers);
    await openLoopGet(port, RATE, 1, health, headers);
    child.send({ type: 'record' } satisfies ParentMessage);
    const latencies = new Map<string, number[]>();
    // the server's CPU time per request of each kind: unlike latency, barely moved by other work on the machine
    const cpu = { health: { micros: 0, requests: 0 }, recs: { micros: 0, requests: 0 } };
    let errors = 0;
    for (let round = 0; round < size.rounds; round++) {
      for (const [kind, run] of [['health', health], ['recs', recs]] as const) {
        const before = (await ask(child, { type: 'cpu' })).micros;
        const r = await openLoopGet(port, RATE, size.seconds, run, headers);
        cpu[kind].micros += (await ask(child, { type: 'cpu' })).micros - before;
        cpu[kind].requests += RATE * size.seconds;
        errors += r.errors;
        for (const [tag, list] of r.byTag) (latencies.get(tag) ?? latencies.set(tag, []).get(tag)!).push(...list);
      }
    }
    const cpuPer = (k: keyof typeof cpu) => cpu[k].micros / cpu[k].requests;
    const server = await ask(child, { type: 'served' });
    const base = percentiles(latencies.get('healthz') ?? []);
    const all = percentiles(MIX.flatMap((s) => latencies.get(s) ?? []));
    const pair = (p: { p50: number; p99: number } | undefined) => `${ms(p?.p50 ?? NaN)} / ${ms(p?.p99 ?? NaN)}`;
    log(`HTTP at ${RATE} req/s, open loop, ${size.rounds} × ${size.seconds} s each after a ${size.warmup} s warm-up${errors > 0 ? `, ${errors} errors` : ''}; p50 / p99 in ms:`);
    log(`  GET /healthz (baseline)         client ${pair(base)}   max ${ms(base.max)}   (${fmt(base.n)} requests)   server-side ${pair(server.byTag.healthz)}`);
    log(`  GET /v1/recommendations (mix)   client ${pair(all)}   max ${ms(all.max)}   (${fmt(all.n)} requests)   server-side ${pair(server.byTag.mix)}`);
    log(`  ratio to the baseline: client p50 ${(all.p50 / base.p50).toFixed(2)}, p99 ${(all.p99 / base.p99).toFixed(2)}; server-side p50 ${((server.byTag.mix?.p50 ?? NaN) / (server.byTag.healthz?.p50 ?? NaN)).toFixed(2)}, p99 ${((server.byTag.mix?.p99 ?? NaN) / (server.byTag.healthz?.p99 ?? NaN)).toFixed(2)}`);
    const verdict = (p99: number | undefined) => (p99 !== undefined && p99 <= GOAL_P99_MS ? 'met' : 'NOT met');
    log(`  goal p99 ≤ ${GOAL_P99_MS} ms at ${RATE} req/s: client ${verdict(all.p99)}, server-side ${verdict(server.byTag.mix?.p99)}`);
    for (const scenario of MIX) {
      log(`    ${scenario.padEnd(16)} client ${pair(percentiles(latencies.get(scenario) ?? []))}   server-side ${pair(server.byTag[scenario])}   service.recommend alone ${pair(model.byScenario[scenario])}`);
    }
    log(`  server CPU per request: healthz ${fmt(cpuPer('health'))} µs, recommendations ${fmt(cpuPer('recs'))} µs = ${(cpuPer('recs') / cpuPer('health')).toFixed(2)}× the baseline (${Math.round((RATE * cpuPer('recs')) / 1e4)} % of a core at ${RATE} req/s)`);
    log(`  server event-loop delay while serving: p50 ${ms(server.loopDelay.p50)}, p99 ${ms(server.loopDelay.p99)}, max ${ms(server.loopDelay.max)} ms`);

    // the periodic rebuild beside live traffic: the same request mix at the same rate until it is done
    child.send({ type: 'record' } satisfies ParentMessage);
    let rebuilt: Extract<ServerMessage, { type: 'rebuilt' }> | undefined;
    const rebuilding = nextMessage(child, 'rebuilt').then((m) => (rebuilt = m));
    child.send({ type: 'rebuild' } satisfies ParentMessage);
    const during: number[] = [];
    let duringErrors = 0;
    while (!rebuilt) {
      const r = await openLoopGet(port, RATE, 1, recs, headers);
      duringErrors += r.errors;
      for (const list of r.byTag.values()) during.push(...list);
    }
    await rebuilding;
    const duringServer = await ask(child, { type: 'served' });
    const d = percentiles(during);
    log(
      `rebuild beside ${RATE} req/s of the mix: ${fmt(rebuilt.ms)} ms (${(rebuilt.ms / built.buildMs).toFixed(1)}× the start-up build); recommendations meanwhile client ${pair(d)}   max ${ms(d.max)}   server-side ${pair(duringServer.byTag.mix)}` +
        `${duringErrors > 0 ? `, ${duringErrors} errors` : ''}; event-loop delay p99 ${ms(duringServer.loopDelay.p99)}, max ${ms(duringServer.loopDelay.max)} ms; heap at the swap ${mb(rebuilt.heapBytes)} MB, RSS ${mb(rebuilt.rssBytes)} MB`,
    );

    const ingest = await ask(child, { type: 'ingest', events: size.ingest });
    const ingestUs = (ingest.ms * 1000) / ingest.events;
    log(`incremental update: ingest of ${fmt(ingest.events)} fresh events in ${fmt(ingest.batches)} batches: ${ingestUs.toFixed(2)} µs/event = ${fmt(ingest.events / (ingest.ms / 1000))} events/s; ${(ingestUs / ((built.buildMs * 1000) / built.events)).toFixed(2)}× a rebuild's cost per event`);
    log(`product refresh (a request starts one in the background when the rows are a minute old): ${fmt(ingest.productRefreshMs)} ms for ${fmt(size.products)} products`);
    return { built, rebuilt, during: d, model, server, cpuMicrosPerRequest: { healthz: cpuPer('health'), recommendations: cpuPer('recs') }, healthz: base, recommendations: all, ingest };
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.send({ type: 'stop' } satisfies ParentMessage);
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await recommendationsBench(process.argv.includes('--quick'));
