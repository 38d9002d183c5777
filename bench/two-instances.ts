import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { runWrk, startCollector } from './collector-load.ts';
import { tempDb } from './support/temp-db.ts';

/**
 * The collector's events/s with one server process against two server processes on the same local database
 * file (docs/scale-out.md, "Single-machine limits"): what a second instance buys on one machine, and what binds
 * first. Each server is pinned to a core of its own (taskset); with one server, wrk has the other core; with two,
 * each server gets its own wrk (half the connections each) and the wrks share the cores with them.
 * Per process it reports CPU seconds over the measured wall time (from /proc/<pid>/stat), and the machine's busy
 * share (from /proc/stat): a server below one core while the machine has idle time is waiting (for the SQLite
 * write lock: the native writer's busy handler sleeps with the event loop held), not computing.
 * `strace: true` also counts, for a few seconds after each run, the fsync-family and sleep system
 * calls of one server under the same load (ptrace slows it; not part of the events/s).
 *
 *   npx tsx bench/two-instances.ts [--quick] [--size 5] [--strace]
 */
export async function twoInstancesBench(options: { seconds?: number; batchSize?: number; connections?: number; strace?: boolean } = {}) {
  const seconds = options.seconds ?? 8;
  const batchSize = options.batchSize ?? 5;
  const connections = options.connections ?? 32;
  const one = await runInstances(1, seconds, batchSize, connections, options.strace ?? false);
  const two = await runInstances(2, seconds, batchSize, connections, options.strace ?? false);
  return { seconds, batchSize, connections, one, two, ratio: two.eventsPerSecond / one.eventsPerSecond };
}

async function runInstances(count: 1 | 2, seconds: number, batchSize: number, connections: number, strace: boolean) {
  const t = await tempDb('two-instances');
  t.db.close(); // the servers open it
  const servers: Server[] = [];
  try {
    // one after the other: the first gives the file the bench site, the next find it there
    for (let i = 0; i < count; i++) servers.push(await startCollector({ BENCH_AS_MAIN: '0' }, { dbUrl: t.url, core: i }));
    const perServer = Math.max(1, Math.round(connections / count));
    // with one server, wrk is pinned to the other core; with two, no core is free for it
    const wrkCore = count === 1 ? 1 : undefined;
    const stamp = Date.now();
    await Promise.all(servers.map((s, i) => runWrk(s.port, { seconds: 4, connections: perServer, batchSize, prefix: `warm${stamp}i${i}`, core: wrkCore }))); // JIT, and the catalog learns the 5,000 products (4 s: a loaded machine learns slowly)
    const cpu0 = servers.map((s) => s.cpuSeconds());
    const machine0 = machineTicks();
    const t0 = performance.now();
    const runs = await Promise.all(servers.map((s, i) => runWrk(s.port, { seconds, connections: perServer, batchSize, prefix: `run${stamp}i${i}`, core: wrkCore })));
    const wall = (performance.now() - t0) / 1000;
    const machine1 = machineTicks();
    const cpu = servers.map((s, i) => (s.cpuSeconds() - cpu0[i]!) / wall);
    const events = runs.reduce((sum, r) => sum + r.events, 0);
    const eventsPerSecond = runs.reduce((sum, r) => sum + r.eventsPerSecond, 0);
    const syscalls = strace ? await countSyscalls(servers[0]!.pid, servers, perServer, batchSize, wrkCore) : undefined;
    const stored = await storedEvents(t.url);
    return {
      instances: count,
      eventsPerSecond,
      perInstance: runs.map((r) => r.eventsPerSecond),
      errors: runs.reduce((sum, r) => sum + r.errors, 0),
      p99Ms: runs.map((r) => r.p99Ms),
      /** CPU of each server process, in cores (1 = a whole core busy for the whole measurement) */
      serverCpu: cpu,
      cpuMicrosPerEvent: (cpu.reduce((a, b) => a + b, 0) * wall * 1e6) / events,
      /** the whole machine's busy share over the measurement (every process, other jobs' included), of 2 cores */
      machineBusy: (machine1.busy - machine0.busy) / (machine1.total - machine0.total),
      syscalls,
      stored,
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(t.dir, { recursive: true, force: true });
  }
}

type Server = Awaited<ReturnType<typeof startCollector>>;

/** the machine's CPU ticks so far: busy (everything but idle and iowait) and total, from /proc/stat */
function machineTicks() {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  return { busy: total - ticks[3]! - ticks[4]!, total };
}

/**
 * fsync-family, write, lock and sleep system calls of one server (taskset execs node in place: same pid) during
 * 3 s more of the same load, with the wall time spent in each
 */
async function countSyscalls(pid: number, servers: Server[], perServer: number, batchSize: number, core?: number) {
  const tracer = spawn('strace', ['-f', '-c', '-w', '-e', 'trace=fsync,fdatasync,nanosleep,clock_nanosleep,pwrite64,fcntl', '-p', String(pid)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let report = '';
  tracer.stderr.on('data', (d: Buffer) => (report += d.toString()));
  await new Promise((r) => setTimeout(r, 300));
  const runs = await Promise.all(servers.map((s, i) => runWrk(s.port, { seconds: 3, connections: perServer, batchSize, prefix: `strace${Date.now()}i${i}`, core })));
  tracer.kill('SIGINT');
  await new Promise((r) => tracer.once('exit', r));
  // strace -c -w: per system call, the wall time spent in it (a sleep in SQLite's busy handler included)
  const calls: Record<string, { calls: number; seconds: number }> = {};
  for (const line of report.split('\n')) {
    const m = /^\s*[\d.]+\s+([\d.]+)\s+\d+\s+(\d+)\s+(?:\d+\s+)?(\w+)\s*$/.exec(line);
    if (m && m[3] !== 'total') calls[m[3]!] = { calls: Number(m[2]), seconds: Number(m[1]) };
  }
  return { calls, tracedSeconds: 3, eventsWhileTraced: runs[0]!.events, report: Object.keys(calls).length ? undefined : report.slice(0, 400) };
}

async function storedEvents(url: string) {
  const { openDb } = await import('../server/src/db/client.ts');
  const db = await openDb(url);
  try {
    return Number((await db.client.execute('SELECT count(*) AS n FROM events')).rows[0]!.n);
  } finally {
    db.close();
  }
}

/** The run as printed lines: both runs' figures, the traced system calls when asked for, the ratio. */
export function twoInstancesLines(r: Awaited<ReturnType<typeof twoInstancesBench>>): string[] {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const lines: string[] = [];
  for (const run of [r.one, r.two]) {
    lines.push(
      `${run.instances} server(s): ${fmt(run.eventsPerSecond)} events/s (${run.perInstance.map(fmt).join(' + ')}), ${run.errors} errors, p99 ${run.p99Ms.map((p) => p.toFixed(1)).join(' / ')} ms; ` +
        `server CPU ${run.serverCpu.map((c) => c.toFixed(2)).join(' + ')} cores, ${run.cpuMicrosPerEvent.toFixed(1)} µs/event; machine busy ${(run.machineBusy * 100).toFixed(0)} % of 2 cores; ${fmt(run.stored)} events stored`,
    );
    if (run.syscalls) lines.push(`  one server traced 3 s: ${Object.entries(run.syscalls.calls).map(([name, c]) => `${name} ${c.calls}× ${c.seconds.toFixed(3)} s`).join(', ')} over ${fmt(run.syscalls.eventsWhileTraced)} events${run.syscalls.report ? `; strace said: ${run.syscalls.report}` : ''}`);
  }
  lines.push(`ratio two / one: ${r.ratio.toFixed(2)} (${r.batchSize}-event batches, ${r.connections} connections, ${r.seconds} s; on 2 shared cores the servers and wrk share them: docs/scale-out.md)`);
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const flag = (name: string) => process.argv.includes(name);
  const size = flag('--size') ? Number(process.argv[process.argv.indexOf('--size') + 1]) : 5;
  const r = await twoInstancesBench({ seconds: flag('--quick') ? 4 : 8, batchSize: size, strace: flag('--strace') });
  for (const line of twoInstancesLines(r)) console.log(line);
}
