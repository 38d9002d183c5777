// npx tsx server/src/recommend/eval/bench-latency.ts [--items 100000] [--events 1000000]
// Build time and per-request latency of the tuned recommender on a synthetic shop: Zipf-popular items with a
// uniform tail, sessions of 1–20 clicks that wander among neighbouring items. A measurement, not a test; on a
// shared machine run it twice and read the quieter run.
import { parseArgs } from 'node:util';
import { SessionRecommender } from '../session-recommender.ts';
import { shoploopOptions } from '../tuned-options.ts';
import type { Click } from '../types.ts';

const { values } = parseArgs({
  options: { items: { type: 'string' }, events: { type: 'string' }, requests: { type: 'string' }, k: { type: 'string' }, sample: { type: 'string' } },
});
const itemCount = Number(values.items ?? 100_000);
const eventCount = Number(values.events ?? 1_000_000);
const requestCount = Number(values.requests ?? 5_000);

// deterministic pseudo-random numbers (mulberry32), so runs compare
let seed = 42;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
/** Zipf(1) over 0..n-1 via the inverse of the harmonic CDF approximation */
function zipf(n: number): number {
  return Math.min(n - 1, Math.floor(Math.exp(random() * Math.log(n + 1)) - 1));
}
function synthesize(): Click[] {
  const clicks: Click[] = [];
  let time = 1_700_000_000;
  for (let s = 0; clicks.length < eventCount; s++) {
    const length = 1 + Math.floor(random() * random() * 20);
    let item = random() < 0.7 ? zipf(itemCount) : Math.floor(random() * itemCount); // a long tail that gets seen
    for (let c = 0; c < length && clicks.length < eventCount; c++) {
      clicks.push({ sessionId: `s${s}`, itemId: `i${item}`, time });
      time += 1 + Math.floor(random() * 5);
      item = random() < 0.3 ? item : random() < 0.7 ? (item + 1 + Math.floor(random() * 50)) % itemCount : zipf(itemCount);
    }
  }
  return clicks;
}

const clicks = synthesize();
const sessions = new Set(clicks.map((c) => c.sessionId)).size;
let start = performance.now();
const knn = { ...shoploopOptions.knn };
if (values.k) knn.k = Number(values.k);
if (values.sample) knn.sampleSize = Number(values.sample);
const model = new SessionRecommender({ ...shoploopOptions, knn });
for (const click of clicks) model.addClick(click);
const buildMs = performance.now() - start;

// requests: prefixes of real-looking sessions replayed from the end of the stream
const requests: string[][] = [];
for (let r = 0; r < requestCount; r++) {
  const at = Math.floor(random() * (clicks.length - 30));
  const prefix: string[] = [];
  const sessionId = (clicks[at] as Click).sessionId;
  for (let i = at; i < clicks.length && (clicks[i] as Click).sessionId === sessionId && prefix.length < 1 + (r % 10); i++) {
    prefix.push((clicks[i] as Click).itemId);
  }
  requests.push(prefix);
}
for (const prefix of requests.slice(0, 200)) model.recommend(prefix, { limit: 20 }); // warm the JIT
const times: number[] = [];
for (const prefix of requests) {
  start = performance.now();
  model.recommend(prefix, { limit: 20, exclude: new Set(prefix.slice(-1)) });
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] as number).toFixed(3);
console.log(`k=${knn.k} sampleSize=${knn.sampleSize}: ${clicks.length} clicks, ${sessions} sessions, ${model.knn.index.items.size} items seen`);
console.log(`build (one addClick per event): ${(buildMs / 1000).toFixed(2)} s, ${((buildMs * 1000) / clicks.length).toFixed(2)} µs per click`);
console.log(`recommend over ${times.length} requests: p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);
console.log(`heap used: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
