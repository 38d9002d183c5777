import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { openLoop, percentiles } from './open-loop.ts';
import { tempDb } from './support/temp-db.ts';
import { collectBody, ORIGIN } from './wrk/collect-bodies.ts';

export function post(agent: Agent, port: number, body: string, path = process.env.BENCH_PATH ?? '/v1/collect'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, port, host: '127.0.0.1', method: 'POST', path, headers: { 'content-type': 'text/plain', origin: ORIGIN, 'user-agent': 'Mozilla/5.0 Chrome/130', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * bench/collector-server.ts in a process of its own, on a fresh database; `env` adds to its environment
 * (BENCH_AS_MAIN: '1' runs what main.ts runs beside it). `shared.dbUrl` serves a database file the caller owns
 * instead (several collectors on one file: bench/two-instances.ts), `shared.core` pins the process to a core.
 */
export async function startCollector(env: Record<string, string> = {}, shared: { dbUrl?: string; core?: number } = {}) {
  const own = shared.dbUrl ? undefined : await tempDb('http');
  own?.db.close(); // the child process opens it
  const node = [process.execPath, ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_CPU_PROF] : []), '--import', 'tsx', 'bench/collector-server.ts'];
  const [command, ...args] = shared.core === undefined ? node : ['taskset', '-c', String(shared.core), ...node];
  const child = spawn(command!, args, { env: { ...process.env, ...env, BENCH_DB_URL: shared.dbUrl ?? own!.url }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = /ready (\d+)/.exec(d.toString());
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`collector exited with ${code}`)));
  });
  return {
    port,
    /** the collector's pid (taskset execs node in place: the same pid) */
    pid: child.pid!,
    /** CPU seconds (user + system) the collector process has used so far (Linux /proc; NaN elsewhere) */
    cpuSeconds: () => processCpuSeconds(child.pid),
    /** SIGTERM (SIGKILL after 5 s), then its own database removed */
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        const force = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.kill('SIGTERM');
        await exited;
        clearTimeout(force);
      }
      if (own) rmSync(own.dir, { recursive: true, force: true });
    },
  };
}

/** CPU seconds (user + system) of a process so far, from /proc/<pid>/stat (NaN where there is none) */
export function processCpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return NaN;
  }
}

export interface WrkRun {
  requests: number;
  /** events in batches answered 200 */
  events: number;
  eventsPerSecond: number;
  requestsPerSecond: number;
  /** non-2xx answers and socket errors */
  errors: number;
  p99Ms: number;
}

/**
 * wrk with one thread (C: a Node load generator tops out below what the collector takes, and would measure
 * itself) posting bench/wrk/collect.lua's `batchSize`-event batches, ids prefixed `prefix`, to the collector on
 * `port`; `core` pins it with taskset. Events counted only from 200 answers.
 */
export function runWrk(port: number, o: { seconds: number; connections: number; batchSize: number; prefix: string; path?: string; core?: number }): Promise<WrkRun> {
  const wrkArgs = ['-t1', `-c${o.connections}`, `-d${o.seconds}s`, '-s', 'bench/wrk/collect.lua', `http://127.0.0.1:${port}${o.path ?? '/v1/collect'}`, '--', o.prefix, String(o.batchSize)];
  const child = o.core === undefined ? spawn('wrk', wrkArgs) : spawn('taskset', ['-c', String(o.core), 'wrk', ...wrkArgs]);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', () => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return reject(new Error(`wrk printed no summary:\n${out}`));
      const r = JSON.parse(line) as { requests: number; duration_us: number; non2xx: number; socket_errors: number; p99_us: number };
      const ok = r.requests - r.non2xx;
      const seconds = r.duration_us / 1e6;
      resolve({ requests: r.requests, events: ok * o.batchSize, eventsPerSecond: (ok * o.batchSize) / seconds, requestsPerSecond: ok / seconds, errors: r.non2xx + r.socket_errors, p99Ms: r.p99_us / 1000 });
    });
  });
}

/**
 * Open loop at a fixed request rate: latency percentiles of whole requests (`batchSize` events each). The first
 * `warmupSeconds` at the same rate are not recorded: JIT, and the catalog learning the bench's products.
 */
export async function collectorLatency(ratePerSecond: number, seconds: number, warmupSeconds = 3, batchSize = 10, env: Record<string, string> = {}) {
  const collector = await startCollector(env);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  let errors = 0;
  const warmup = ratePerSecond * warmupSeconds;
  await openLoop(ratePerSecond, warmup + ratePerSecond * seconds, async (i) => {
    const body = collectBody(`lat${process.pid}`, i + 1, batchSize);
    const t0 = performance.now();
    // a keep-alive socket the server closed as it was reused ("socket hang up") is an error of this request, not of the run
    const status = await post(agent, collector.port, body).catch(() => 0);
    if (status !== 200) errors++;
    else if (i >= warmup) latencies.push(performance.now() - t0);
  });
  agent.destroy();
  await collector.stop();
  const { p50, p99 } = percentiles(latencies);
  return { p50, p99, requests: latencies.length, errors };
}

/** Closed loop with wrk (one thread, on the other core) on a collector of its own. */
export async function collectorThroughputWrk(seconds: number, connections = 32, path = '/v1/collect', batchSize = 10, env: Record<string, string> = {}) {
  const collector = await startCollector(env);
  await runWrk(collector.port, { seconds: 2, connections, path, batchSize, prefix: `warm${Date.now()}` }); // warm-up: JIT, and the catalog learns the bench's 5,000 products (a shop's steady state)
  const cpuBefore = collector.cpuSeconds();
  const measured = await runWrk(collector.port, { seconds, connections, path, batchSize, prefix: `run${Date.now()}` });
  // CPU the collector spent per stored event: unlike events/s, barely moved by other work on a shared machine
  const result = { ...measured, cpuMicrosPerEvent: ((collector.cpuSeconds() - cpuBefore) * 1e6) / measured.events };
  await collector.stop();
  return result;
}

/**
 * The collector at one batch size, and what any collector on one core could reach there: node:http reading and
 * JSON-parsing the same bodies (storing nothing), then the raw native insert of their rows, one after the other.
 */
export async function collectorAtSize(seconds: number, size: number, raw: { nativeMulti: number; cpuMicrosPerRow: { nativeMulti: number } }) {
  const http = await collectorThroughputWrk(seconds, 32, '/v1/collect', size);
  const ceiling = await collectorThroughputWrk(seconds, 32, '/bench/discard-node', size);
  return {
    http,
    ceiling,
    bound: 1 / (1 / ceiling.eventsPerSecond + 1 / raw.nativeMulti),
    cpuBound: ceiling.cpuMicrosPerEvent + raw.cpuMicrosPerRow.nativeMulti,
  };
}
