import { Agent, request } from 'node:http';
import { collectorLatency, collectorThroughputWrk, post, runWrk, startCollector } from './collector-load.ts';
import { openLoop, percentiles } from './open-loop.ts';
import { rawInsertRates } from './raw-insert.ts';
import { collectBody, ORIGIN, SITE_KEY } from './wrk/collect-bodies.ts';

// Everything on: one instance at full speed (docs/benchmarks.md, issue 12). The collector served with everything
// main.ts runs beside it (BENCH_AS_MAIN=1: recommendation models learning every batch, the lifecycle scheduler, the
// campaign runner, the models' catch-up) against the same collector alone and the bound any collector could
// reach, all in one run:
//   npx tsx bench/everything-on.ts [--quick]
// Needs wrk (apt-get install -y wrk).

const AS_MAIN = { BENCH_AS_MAIN: '1' };
const ALONE = { BENCH_AS_MAIN: '0' }; // whatever the caller's environment says
const SIZE = 5; // the typical page's batch
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export interface EverythingOnResult {
  throughput: {
    /** events/s of 5-event batches, each round's figure */
    on: number[];
    alone: number[];
    /** node:http read + parse (discarding) events/s, and raw native multi-row insert events/s */
    readParse: number[];
    rawNative: number;
    /** 1 / (1/read-and-parse + 1/raw insert), with the median read-and-parse */
    bound: number;
    onCpuMicrosPerEvent: number[];
    aloneCpuMicrosPerEvent: number[];
  };
  latency: {
    /** collector p50/p99 at 500 req/s of 10-event batches: alone; everything on; everything on while the model rebuilds */
    alone: { p50: number; p99: number; requests: number; errors: number };
    on: Percentiles;
    onRebuilding: Percentiles;
    /** GET /v1/recommendations beside them */
    recsOn: Percentiles;
    recsRebuilding: Percentiles;
    rebuilds: { count: number; ms: number[] };
    errors: number;
  };
}
type Percentiles = ReturnType<typeof percentiles>;

function get(agent: Agent, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ agent, port, host: '127.0.0.1', method: 'GET', path, headers: { origin: ORIGIN, 'user-agent': 'Mozilla/5.0 Chrome/130' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

const SCENARIOS = ['auto', 'similar', 'for-you', 'popular', 'also-bought', 'recently-viewed'];
/** a known visitor of the fill (collect-bodies' naming), one of the scenarios, an item of the bench's catalog */
const recPath = (i: number) => {
  const vid = `fill-v${(i * 37) % 1000}`;
  const item = `SKU-${(i * 7919) % 5000}`;
  return `/v1/recommendations?site=${SITE_KEY}&visitor=${vid}&scenario=${SCENARIOS[i % SCENARIOS.length]}&item=${item}&limit=8`;
};

/**
 * One process with everything on: filled by wrk at full speed (the model learns those events), then an open loop
 * of 500 collector requests/s (10-event batches) and `recsRate` recommendation requests/s, first steady, then while
 * the site's model is rebuilt again and again for the same time (the daily rebuild, made to last).
 */
async function latencyEverythingOn(seconds: number, fillSeconds: number, recsRate: number) {
  const collector = await startCollector(AS_MAIN);
  await runWrk(collector.port, { seconds: fillSeconds, connections: 32, batchSize: SIZE, prefix: 'fill' });
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const collect = { steady: [] as number[], rebuilding: [] as number[] };
  const recs = { steady: [] as number[], rebuilding: [] as number[] };
  let errors = 0;
  const phase = async (name: 'steady' | 'rebuilding', warmup: number) => {
    const perSecond = 500 + recsRate;
    const total = Math.round(perSecond * (seconds + warmup));
    const recEvery = perSecond / recsRate;
    let collected = 0;
    await openLoop(perSecond, total, async (i) => {
      const isRec = Math.floor((i + 1) / recEvery) !== Math.floor(i / recEvery);
      const t0 = performance.now();
      const status = isRec ? await get(agent, collector.port, recPath(i)) : await post(agent, collector.port, collectBody(`lat-${name}`, ++collected, 10), '/v1/collect');
      const ms = performance.now() - t0;
      if (status !== 200) errors++;
      else if (i >= perSecond * warmup) (isRec ? recs : collect)[name].push(ms);
    });
  };
  await phase('steady', 2);
  // the rebuilds start now and run for the whole phase
  const rebuilt = fetch(`http://127.0.0.1:${collector.port}/bench/rebuild?ms=${Math.round(seconds * 1000 + 500)}`).then((r) => r.json() as Promise<{ rebuilds: number; ms: number[] }>);
  await phase('rebuilding', 0);
  const r = await rebuilt;
  agent.destroy();
  await collector.stop();
  return {
    on: percentiles(collect.steady),
    onRebuilding: percentiles(collect.rebuilding),
    recsOn: percentiles(recs.steady),
    recsRebuilding: percentiles(recs.rebuilding),
    rebuilds: { count: r.rebuilds, ms: r.ms },
    errors,
  };
}

/** Runs the whole comparison; prints as it goes (`log`) and returns the figures. */
export async function everythingOnBench(quick: boolean, log: (line: string) => void = console.log): Promise<EverythingOnResult> {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const seconds = quick ? 3 : 6;
  const rounds = quick ? 1 : 2;
  const raw = await rawInsertRates(quick ? 50_000 : 200_000, 3);
  const on: number[] = [], alone: number[] = [], readParse: number[] = [], onCpu: number[] = [], aloneCpu: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // alternating, so a drift of the machine hits both
    const a = await collectorThroughputWrk(seconds, 32, '/v1/collect', SIZE, ALONE);
    const o = await collectorThroughputWrk(seconds, 32, '/v1/collect', SIZE, AS_MAIN);
    const c = await collectorThroughputWrk(seconds, 32, '/bench/discard-node', SIZE, ALONE);
    alone.push(a.eventsPerSecond);
    on.push(o.eventsPerSecond);
    readParse.push(c.eventsPerSecond);
    aloneCpu.push(a.cpuMicrosPerEvent);
    onCpu.push(o.cpuMicrosPerEvent);
    log(
      `round ${round + 1}, ${SIZE}-event batches: everything on ${fmt(o.eventsPerSecond)} events/s (${o.cpuMicrosPerEvent.toFixed(1)} µs CPU/event, ${o.errors} errors); ` +
        `collector alone ${fmt(a.eventsPerSecond)} (${a.cpuMicrosPerEvent.toFixed(1)} µs); read + parse only ${fmt(c.eventsPerSecond)}`,
    );
  }
  const bound = 1 / (1 / median(readParse) + 1 / raw.nativeMulti);
  log(`raw native multi-row insert ${fmt(raw.nativeMulti)} events/s; bound (read + parse + raw insert) ${fmt(bound)} events/s`);
  const onM = median(on), aloneM = median(alone);
  log(`GOAL everything on / bound: ${(onM / bound).toFixed(2)} (goal ≥ 0.50)`);
  log(`GOAL everything on / collector alone: ${(onM / aloneM).toFixed(2)} (goal ≥ 0.85; per round ${on.map((x, i) => (x / alone[i]!).toFixed(2)).join(', ')})`);

  const aloneLat = await collectorLatency(500, seconds * 2, 3, 10, ALONE);
  const l = await latencyEverythingOn(seconds * 2, quick ? 4 : 8, 100);
  const ms = (p: Percentiles) => `p50 ${p.p50.toFixed(2)} ms, p99 ${p.p99.toFixed(2)} ms, max ${p.max.toFixed(1)} ms (${fmt(p.n)})`;
  log(`collector at 500 req/s (10-event batches), alone: p50 ${aloneLat.p50.toFixed(2)} ms, p99 ${aloneLat.p99.toFixed(2)} ms (${fmt(aloneLat.requests)})`);
  log(`  everything on (+100 recommendation req/s): ${ms(l.on)}; recommendations ${ms(l.recsOn)}`);
  log(`  while the model rebuilds (${l.rebuilds.count} rebuilds, ${l.rebuilds.ms.map((x) => fmt(x)).join(', ')} ms): ${ms(l.onRebuilding)}; recommendations ${ms(l.recsRebuilding)}; ${l.errors} errors`);
  log(`GOAL collector p99 everything on: ${l.on.p99.toFixed(1)} ms, while rebuilding ${l.onRebuilding.p99.toFixed(1)} ms (goal ≤ 20); recommendations p99 while rebuilding ${l.recsRebuilding.p99.toFixed(1)} ms (goal ≤ 20)`);
  return {
    throughput: { on, alone, readParse, rawNative: raw.nativeMulti, bound, onCpuMicrosPerEvent: onCpu, aloneCpuMicrosPerEvent: aloneCpu },
    latency: { alone: aloneLat, on: l.on, onRebuilding: l.onRebuilding, recsOn: l.recsOn, recsRebuilding: l.recsRebuilding, rebuilds: l.rebuilds, errors: l.errors },
  };
}

const isEntry = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) await everythingOnBench(process.argv.includes('--quick'));
