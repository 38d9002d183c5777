import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadUciYear } from '../../server/src/replay/uci/load-uci-year.ts';
import { RequestStats, drift, summarise, type MinuteRow, type ServerSample } from './minute-stats.ts';
import { parseSoakOptions, SoakUsageError, type SoakOptions } from './options.ts';
import { startOwnServer } from './own-server.ts';
import { soakReport } from './report.ts';
import { SoakTraffic } from './traffic.ts';

// `npm run soak -- --minutes N`: a steady, realistic load on one server for N minutes (the UCI year's sessions,
// time-compressed, as tracker batches; recommendation reads; admin report reads), reporting per minute what
// drifts: latency, memory, event-loop delay. Open loop: requests go out on schedule whether or not earlier
// ones were answered, so a slowing server shows as latency, not as a quietly lower rate.

const TICK_MS = 50;
/** beyond this many unanswered requests the soak stops sending and counts the shortfall: the server is stuck */
const MAX_IN_FLIGHT = 1_000;
const ADMIN_PATHS = [
  '/admin/api/funnel',
  '/admin/api/stages/daily',
  '/admin/api/recommendations/report',
  '/admin/api/campaigns/report',
  '/admin/api/reports/funnel',
  '/admin/api/reports/over-time',
  '/admin/api/reports/rfm',
];

async function soak(options: SoakOptions): Promise<MinuteRow[]> {
  const own = options.target ? null : await startOwnServer();
  const target = options.target ?? own!.target;
  try {
    console.error(`reading ${options.file} …`);
    const year = await loadUciYear(options.file);
    const traffic = new SoakTraffic(year.orders, { key: target.siteKey, origin: target.origin }, randomBytes(3).toString('hex'));
    const admin = { authorization: `Bearer ${target.adminToken}` };
    const shopHeaders = { origin: target.origin, 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36' };
    const adminPaths = await reachable(target.url, admin);
    console.error(`soak: ${options.minutes} min at ${options.rate} events/s, ${options.recsRate} recommendation reads/s, ${options.adminRate} admin reads/s against ${target.url}`);

    const rows: MinuteRow[] = [];
    let inFlight = 0;
    let shortfall = 0;
    let minute = { collect: new RequestStats(), recs: new RequestStats(), admin: new RequestStats() };
    const timed = (stats: RequestStats, request: () => Promise<Response>, onOk?: (body: unknown) => void) => {
      if (inFlight >= MAX_IN_FLIGHT) {
        shortfall++;
        return;
      }
      inFlight++;
      const started = performance.now();
      request()
        .then(async (res) => {
          const body: unknown = await res.json().catch(() => null);
          stats.record(performance.now() - started, res.ok, String(res.status));
          if (res.ok) onOk?.(body);
        })
        .catch(() => stats.record(performance.now() - started, false))
        .finally(() => inFlight--);
    };

    const credit = { events: 0, recs: 0, admin: 0 };
    let adminTurn = 0;
    const tick = () => {
      credit.events += (options.rate * TICK_MS) / 1000;
      credit.recs += (options.recsRate * TICK_MS) / 1000;
      credit.admin += (options.adminRate * TICK_MS) / 1000;
      while (credit.events >= 1) {
        const { batch } = traffic.nextBatch(Date.now());
        credit.events -= batch.events.length;
        const stats = minute.collect;
        timed(
          stats,
          () => fetch(`${target.url}/v1/collect`, { method: 'POST', headers: { ...shopHeaders, 'content-type': 'text/plain' }, body: JSON.stringify(batch) }),
          (body) => (stats.acknowledged += (body as { stored?: number; duplicates?: number }).stored ?? 0),
        );
      }
      while (credit.recs >= 1) {
        credit.recs -= 1;
        const visitor = traffic.someVisitor();
        if (!visitor) break;
        timed(minute.recs, () => fetch(`${target.url}/v1/recommendations?site=${target.siteKey}&visitor=${encodeURIComponent(visitor)}&scenario=auto`, { headers: shopHeaders }));
      }
      while (credit.admin >= 1 && adminPaths.length > 0) {
        credit.admin -= 1;
        const path = adminPaths[adminTurn++ % adminPaths.length]!;
        timed(minute.admin, () => fetch(`${target.url}${path}`, { headers: admin }));
      }
    };

    const timer = setInterval(tick, TICK_MS);
    const started = Date.now();
    for (let m = 1; m <= options.minutes; m++) {
      await new Promise((r) => setTimeout(r, started + m * 60_000 - Date.now()));
      const done = minute;
      minute = { collect: new RequestStats(), recs: new RequestStats(), admin: new RequestStats() };
      const row: MinuteRow = {
        minute: m,
        eventsAcknowledged: done.collect.acknowledged,
        collect: summarise(done.collect),
        recommendations: summarise(done.recs),
        admin: summarise(done.admin),
        server: await serverSample(target.url, admin),
      };
      rows.push(row);
      console.error(
        `minute ${m}: ${row.eventsAcknowledged} events stored, collect p99 ${row.collect.p99.toFixed(1)} ms (${row.collect.errors} errors), recommendations p99 ${row.recommendations.p99.toFixed(1)} ms, ` +
          `admin p99 ${row.admin.p99.toFixed(1)} ms, RSS ${row.server?.rssMb.toFixed(0) ?? '?'} MB, loop delay p99 ${row.server?.loopDelayP99Ms.toFixed(1) ?? '?'} ms` +
          failures(done) +
          (shortfall > 0 ? `, ${shortfall} requests not sent (server stuck)` : ''),
      );
    }
    clearInterval(timer);
    while (inFlight > 0) await new Promise((r) => setTimeout(r, 50));
    return rows;
  } finally {
    await own?.stop();
  }
}

const failures = (minute: Record<string, RequestStats>) => {
  const parts = Object.entries(minute).flatMap(([kind, s]) => [...s.failures].map(([why, n]) => `${kind} ${why}×${n}`));
  return parts.length > 0 ? ` [failures: ${parts.join(', ')}]` : '';
};

/** The admin reports this server has (the newer ones may be missing on an older server). */
async function reachable(url: string, headers: Record<string, string>): Promise<string[]> {
  const found: string[] = [];
  for (const path of ADMIN_PATHS) if ((await fetch(`${url}${path}`, { headers })).ok) found.push(path);
  return found;
}

async function serverSample(url: string, headers: Record<string, string>): Promise<ServerSample | null> {
  const res = await fetch(`${url}/admin/api/metrics`, { headers }).catch(() => null);
  if (!res?.ok) return null;
  const m = (await res.json()) as { memory: { rssBytes: number; heapUsedBytes: number }; eventLoopDelayMs: { p99: number; max: number } };
  return { rssMb: m.memory.rssBytes / 2 ** 20, heapUsedMb: m.memory.heapUsedBytes / 2 ** 20, loopDelayP99Ms: m.eventLoopDelayMs.p99, loopDelayMaxMs: m.eventLoopDelayMs.max };
}

try {
  const options = parseSoakOptions(process.argv.slice(2));
  const rows = await soak(options);
  const report = soakReport(options, rows, drift(rows));
  console.log(report);
  if (options.out) writeFileSync(options.out, report);
} catch (e) {
  if (!(e instanceof SoakUsageError)) throw e;
  console.error(e.message);
  process.exitCode = 1;
}
