import { collectorAtSize, collectorLatency } from './collector-load.ts';
import { rawInsertRates } from './raw-insert.ts';

// The collector figures of docs/benchmarks.md alone, with CPU costs and the median of three raw runs:
//   npx tsx bench/collector-run.ts [--quick] [--sizes 1,5,10,20] [--no-latency] [--only-latency]
// Needs wrk for the throughput figures (apt-get install -y wrk).
const flag = (name: string) => process.argv.includes(name);
const quick = flag('--quick');
const sizes = flag('--sizes') ? process.argv[process.argv.indexOf('--sizes') + 1]!.split(',').map(Number) : [1, 5, 10, 20];
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

if (!flag('--only-latency')) {
  const raw = await rawInsertRates(quick ? 50_000 : 200_000, 3);
  const cpu = raw.cpuMicrosPerRow;
  console.log(`raw client ${fmt(raw.client)} native ${fmt(raw.native)} nativeMulti ${fmt(raw.nativeMulti)} events/s; CPU µs/row client ${cpu.client.toFixed(1)} native ${cpu.native.toFixed(1)} nativeMulti ${cpu.nativeMulti.toFixed(1)}`);
  for (const size of sizes) {
    const { http, ceiling, bound, cpuBound } = await collectorAtSize(quick ? 3 : 8, size, raw);
    console.log(
      `size ${size}: ${fmt(http.eventsPerSecond)} events/s (${fmt(http.requestsPerSecond)} req/s, ${http.errors} errors) ratio ${(http.eventsPerSecond / raw.client).toFixed(2)}; ` +
        `CPU ${http.cpuMicrosPerEvent.toFixed(1)} µs/event, CPU ratio ${(cpu.client / http.cpuMicrosPerEvent).toFixed(2)}`,
    );
    console.log(
      `  read + parse only: ${fmt(ceiling.eventsPerSecond)} events/s, CPU ${ceiling.cpuMicrosPerEvent.toFixed(1)} µs/event; with the raw insert: ${fmt(bound)} events/s, ratio ${(bound / raw.client).toFixed(2)}; ` +
        `CPU ${cpuBound.toFixed(1)} µs/event, CPU ratio ${(cpu.client / cpuBound).toFixed(2)}`,
    );
  }
}
if (!flag('--no-latency')) {
  const lat = await collectorLatency(500, quick ? 3 : 10);
  console.log(`latency at 500 req/s of 10-event batches: p50 ${lat.p50.toFixed(2)} ms, p99 ${lat.p99.toFixed(2)} ms (${fmt(lat.requests)} requests, ${lat.errors} errors)`);
}
