import { existsSync } from 'node:fs';
import { collectorAtSize, collectorLatency } from './collector-load.ts';
import { rawInsertRates } from './raw-insert.ts';
import { trackerSizes } from './tracker-size.ts';
import { evaluationRate, fitTimes, schedulerRate } from './lifecycle.ts';
import { recommendationsBench } from './recommendations.ts';
import { campaignSchedulerRate } from './campaigns.ts';
import { pushBench } from './push.ts';
import { personContextCost } from './reviews.ts';
import { everythingOnBench } from './everything-on.ts';
import { adminBench } from './admin/latency.ts';
import { twoInstancesBench, twoInstancesLines } from './two-instances.ts';
import { adminBundleSize } from './report/admin-bundle.ts';
import { benchEnvironment } from './report/environment.ts';
import { printedBy, writeLatestRun } from './report/latest-run.ts';

// `npm run bench`: figures, never pass/fail. Machines here are shared and noisy, so each figure that has a
// baseline is printed as a ratio against it, both measured in this run. A full run also writes the whole
// report into docs/benchmarks.md ("Latest run"); `--quick` prints only, unless `--write` is given too.
const quick = process.argv.includes('--quick');
const write = !quick || process.argv.includes('--write');
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const report = await printedBy(async () => {
  console.log(benchEnvironment() + (quick ? '\n(--quick: shorter runs, rougher figures)' : ''));
  console.log('\n== Tracker, UI and service-worker sizes (dist/widget) ==');
  for (const s of trackerSizes()) {
    const budget = s.budget === undefined ? '' : `   (budget ${fmt(s.budget)} B gzip)`;
    console.log(`${s.file.padEnd(22)} raw ${fmt(s.raw)} B   gzip -9 ${fmt(s.gzip)} B   brotli -11 ${fmt(s.brotli)} B${budget}`);
  }
  const admin = adminBundleSize();
  console.log(`admin app (dist/admin)  scripts and styles gzip -9 ${fmt(admin.gzip)} B in ${admin.files} files`);

  console.log('\n== Collector throughput vs raw libSQL (same event rows, same table and indexes) ==');
  const raw = await rawInsertRates(quick ? 50_000 : 200_000);
  console.log(`raw: @libsql/client multi-row INSERT, 500 rows/stmt      ${fmt(raw.client)} events/s`);
  console.log(`raw: native prepared single-row INSERT                  ${fmt(raw.native)} events/s`);
  console.log(`raw: native multi-row INSERT, 256 rows/stmt (the writer's path) ${fmt(raw.nativeMulti)} events/s`);
  if (!existsSync('/usr/bin/wrk')) {
    console.log('HTTP figures need wrk (a C load generator; a Node one measures itself): apt-get install -y wrk');
  } else {
    const seconds = quick ? 3 : 8;
    // The tracker sends up to 20 events a batch; a page's batch is typically 5 (page view, product view, one or
    // two block impressions); 1 is a lone click (docs/benchmarks.md).
    for (const size of [1, 5, 10, 20]) {
      const { http, ceiling, bound } = await collectorAtSize(seconds, size, raw);
      console.log(
        `POST /v1/collect, ${String(size).padStart(2)}-event batches, 32 connections: ${fmt(http.eventsPerSecond)} events/s (${fmt(http.requestsPerSecond)} req/s, ${http.errors} errors)` +
          `  ratio to raw client ${(http.eventsPerSecond / raw.client).toFixed(2)}, to raw native ${(http.eventsPerSecond / raw.native).toFixed(2)}  (goal ≥ 0.50)`,
      );
      console.log(
        `  HTTP ceiling at ${size}: ${fmt(ceiling.eventsPerSecond)} events/s (${fmt(ceiling.requestsPerSecond)} req/s); read + parse + raw insert alone would give ${fmt(bound)} events/s, ratio ${(bound / raw.client).toFixed(2)}`,
      );
    }
  }

  console.log('\n== Collector latency at a fixed rate ==');
  const rate = 500;
  const lat = await collectorLatency(rate, quick ? 3 : 10);
  console.log(`${rate} req/s (${fmt(rate * 10)} events/s): p50 ${lat.p50.toFixed(2)} ms   p99 ${lat.p99.toFixed(2)} ms   (${fmt(lat.requests)} requests, ${lat.errors} errors)`);

  console.log('\n== Everything on: one instance at full speed (models learning on their worker, scheduler, campaigns) ==');
  await everythingOnBench(quick);

  console.log('\n== Two server processes on one database file (docs/scale-out.md) ==');
  for (const line of twoInstancesLines(await twoInstancesBench({ seconds: quick ? 4 : 8 }))) console.log(line);

  console.log('\n== Lifecycle ==');
  const pure = evaluationRate(1_000_000);
  console.log(`pure evaluation: ${fmt(pure.n)} people in ${fmt(pure.ms)} ms = ${fmt(pure.perSecond)}/s (goal: 1,000,000 in ≤ 5,000 ms); ${(pure.ms / pure.baselineMs).toFixed(1)}× a loop that only reads the same facts`);
  console.log(`  stage mix: ${Object.entries(pure.counts).map(([s, c]) => `${s} ${fmt(c)}`).join(', ')}`);
  const sched = await schedulerRate(quick ? 5_000 : 20_000);
  console.log(`scheduler with database reads and writes, ${fmt(sched.visitors)} people: first classification ${fmt(sched.first.perSecond)}/s, time-only re-evaluation (reclassification) ${fmt(sched.second.perSecond)}/s (${fmt(sched.second.transitions)} transitions); ${(pure.perSecond / sched.second.perSecond).toFixed(0)}× slower than pure evaluation`);
  for (const f of await fitTimes('../shared/data/uci_online_retail/onlineretail.csv.gz')) {
    console.log(`BG/NBD fit, ${f.data}: ${fmt(f.buyers)} buyers in ${f.ms.toFixed(0)} ms (${f.params})`);
  }

  await recommendationsBench(quick); // prints its own section: docs/recommendations.md, Performance

  console.log('\n== Reviews ==');
  const person = await personContextCost(quick ? 5_000 : 20_000);
  console.log(`readPersonContext with the person's low ratings (every recommendation request): ${person.afterUs.toFixed(1)} µs a call, ${(person.afterUs / person.beforeUs).toFixed(2)}× the read before reviews (${person.beforeUs.toFixed(1)} µs)`);

  await pushBench(quick); // prints its own section: docs/benchmarks.md, Web push

  console.log('\n== Campaign scheduler (the push outbox deciding, with the database) ==');
  const campaigns = await campaignSchedulerRate(quick ? 10_000 : 100_000);
  console.log(
    `${fmt(campaigns.people)} people with a due message: all deferred by quiet hours ${fmt(campaigns.deferredPerSecond)} people/s, all sent (to a sender that discards) ${fmt(campaigns.sentPerSecond)} people/s;` +
      ` reading the same rows alone ${fmt(campaigns.readPerSecond)}/s (ratios ${(campaigns.deferredPerSecond / campaigns.readPerSecond).toFixed(2)} and ${(campaigns.sentPerSecond / campaigns.readPerSecond).toFixed(2)})`,
  );

  await adminBench(quick); // prints its own section: 1,000,000 people (100,000 with --quick)
});

if (write) {
  writeLatestRun(report);
  console.log('\nwritten to docs/benchmarks.md (Latest run)');
}
