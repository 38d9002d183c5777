import { execFileSync, spawn } from 'node:child_process';
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

/** `env`: extra environment of the collector process (BENCH_AS_MAIN: '1' runs what main.ts runs beside it) */
export async function startCollector(env: Record<string, string> = {}) {
  const t = await tempDb('http');
  t.db.close(); // the child process opens it
  const child = spawn(process.execPath, [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_CPU_PROF] : []), '--import', 'tsx', 'bench/collector-server.ts'], { env: { ...process.env, ...env, BENCH_DB_URL: t.url }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = /ready (\d+)/.exec(d.toString());
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`collector exited with ${code}`)));
  });
  return {
    port,
    /** CPU seconds (user + system) the collector process has used so far (Linux /proc; NaN elsewhere) */
    cpuSeconds: () => processCpuSeconds(child.pid),
    stop: () =>
      new Promise<void>((r) => {
        child.once('exit', () => {
          rmSync(t.dir, { recursive: true, force: true });
          r();
        });
        child.kill('SIGTERM');
      }),
  };
}

function processCpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return NaN;
  }
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

/**
 * Closed loop with wrk (C, one thread on the other core) when it is installed: a Node load generator tops out
 * below what the collector takes, and would measure itself. Events counted only from 200 answers.
 */
export async function collectorThroughputWrk(seconds: number, connections = 32, path = '/v1/collect', batchSize = 10, env: Record<string, string> = {}) {
  const collector = await startCollector(env);
  const run = (forSeconds: number, prefix: string) => {
    const out = execFileSync('wrk', ['-t1', `-c${connections}`, `-d${forSeconds}s`, '-s', 'bench/wrk/collect.lua', `http://127.0.0.1:${collector.port}${path}`, '--', prefix, String(batchSize)], { encoding: 'utf8' });
    const line = out.split('\n').find((l) => l.startsWith('{'));
    if (!line) throw new Error(`wrk printed no summary:\n${out}`);
    const r = JSON.parse(line) as { requests: number; duration_us: number; non2xx: number; socket_errors: number };
    const ok = r.requests - r.non2xx;
    return { eventsPerSecond: (ok * batchSize) / (r.duration_us / 1e6), requestsPerSecond: ok / (r.duration_us / 1e6), requests: r.requests, events: ok * batchSize, errors: r.non2xx + r.socket_errors };
  };
  run(2, `warm${Date.now()}`); // warm-up: JIT, and the catalog learns the bench's 5,000 products (a shop's steady state)
  const cpuBefore = collector.cpuSeconds();
  const measured = run(seconds, `run${Date.now()}`);
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
