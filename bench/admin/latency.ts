import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/src/app.ts';
import { ManualClock } from '../../server/src/clock.ts';
import { openMigratedDb } from '../../server/src/db/client.ts';
import { createHttpServer } from '../../server/src/http/server.ts';
import { sha256 } from '../../server/src/sites/keys.ts';
import { percentiles } from '../open-loop.ts';
import { adminDataset, type Dataset } from './dataset.ts';
import { adminPages } from './pages.ts';

const TOKEN = 'bench-admin-token';

export interface PageLatency {
  page: string;
  path: string;
  p50: number;
  p95: number;
  bytes: number;
}

/**
 * Each admin page's API latency (p50 / p95 in ms) on the admin data set, over real HTTP: the server main.ts runs
 * (node:http, Hono behind the collector's fast path) on a free port, requests one at a time, after warm-up.
 */
export async function adminLatency(dataset: Dataset, rounds = 30): Promise<PageLatency[]> {
  const db = await openMigratedDb(dataset.url);
  const shoploop = createApp({ db, clock: new ManualClock(dataset.now), adminTokenHash: sha256(TOKEN) });
  const server = createHttpServer(shoploop);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const out: PageLatency[] = [];
  try {
    for (const call of adminPages) {
      const path = call.path(dataset);
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < rounds + 3; i++) {
        const started = performance.now();
        const res = await fetch(base + path, { headers: { authorization: `Bearer ${TOKEN}` } });
        const body = await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path}: ${res.status} ${Buffer.from(body).toString('utf8').slice(0, 200)}`);
        if (i >= 3) times.push(performance.now() - started); // the first few warm caches and the JIT
        bytes = body.byteLength;
      }
      const { p50, p95 } = percentiles(times);
      out.push({ page: call.page, path, p50, p95, bytes });
    }
  } finally {
    server.close();
    await shoploop.close();
    db.close();
  }
  return out;
}

/** What `npm run bench` prints for the admin pages: the data set (generated once, then cached) and each page's figures. */
export async function adminBench(quick: boolean): Promise<void> {
  const people = quick ? 100_000 : 1_000_000;
  console.log(`\n== Admin pages: API latency with ${people.toLocaleString('en-US')} people (goal: each ≤ 500 ms) ==`);
  const dataset = await adminDataset(people, (line) => console.log(line));
  const generated = dataset.generatedMs ? `generated in ${(dataset.generatedMs / 1000).toFixed(0)} s (rollups by the migration's backfill ${(dataset.backfillMs / 1000).toFixed(0)} s)` : 'from the cache';
  console.log(
    `data set: ${dataset.people.toLocaleString('en-US')} people, ${dataset.events.toLocaleString('en-US')} events, ${dataset.buyers.toLocaleString('en-US')} buyers, ${dataset.transitions.toLocaleString('en-US')} stage changes; ${generated}`,
  );
  for (const r of await adminLatency(dataset, quick ? 10 : 30)) {
    console.log(`${r.page.padEnd(22)} p50 ${r.p50.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms   ${r.bytes.toLocaleString('en-US')} B   ${r.path}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await adminBench(process.argv.includes('--quick'));
