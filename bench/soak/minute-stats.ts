import { percentiles } from '../open-loop.ts';

/** Latencies and outcomes of one kind of request over one minute. */
export class RequestStats {
  private readonly ms: number[] = [];
  errors = 0;
  /** what the failures were: an HTTP status, or 'network' */
  readonly failures = new Map<string, number>();
  /** events the collector acknowledged (collect only) */
  acknowledged = 0;

  record(ms: number, ok: boolean, failure = 'network'): void {
    this.ms.push(ms);
    if (ok) return;
    this.errors++;
    this.failures.set(failure, (this.failures.get(failure) ?? 0) + 1);
  }

  get count(): number {
    return this.ms.length;
  }

  /** p50, p99 and max of the minute's latencies (NaN when there were none), as every bench takes them */
  percentiles() {
    return percentiles(this.ms);
  }
}

export interface ServerSample {
  rssMb: number;
  heapUsedMb: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

export interface MinuteRow {
  minute: number;
  eventsAcknowledged: number;
  collect: { requests: number; errors: number; p50: number; p99: number };
  recommendations: { requests: number; errors: number; p50: number; p99: number };
  admin: { requests: number; errors: number; p50: number; p99: number };
  server: ServerSample | null;
}

export function summarise(stats: RequestStats) {
  const { p50, p99 } = stats.percentiles();
  return { requests: stats.count, errors: stats.errors, p50, p99 };
}

/** Least-squares slope of y over x (per minute); 0 for fewer than two points. */
export function slope(points: ReadonlyArray<[number, number]>): number {
  if (points.length < 2) return 0;
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

/**
 * Drift over the run: the first minute is warm-up (models, caches, JIT), so the comparison is the second
 * minute against the mean of the last three, and memory's slope from the second minute on.
 */
export function drift(rows: readonly MinuteRow[]) {
  const steady = rows.slice(1);
  const tail = steady.slice(-3);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  const first = steady[0];
  const ratio = (pick: (r: MinuteRow) => number) => (first && pick(first) > 0 ? mean(tail.map(pick)) / pick(first) : Number.NaN);
  const withServer = steady.filter((r) => r.server !== null);
  return {
    collectP99: ratio((r) => r.collect.p99),
    recommendationsP99: ratio((r) => r.recommendations.p99),
    adminP99: ratio((r) => r.admin.p99),
    rssMbPerMinute: slope(withServer.map((r) => [r.minute, r.server!.rssMb])),
    heapMbPerMinute: slope(withServer.map((r) => [r.minute, r.server!.heapUsedMb])),
  };
}
