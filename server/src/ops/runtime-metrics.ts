import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** What one instance's process looks like now: memory, and how late its event loop ran since the last read. */
export interface RuntimeSnapshot {
  pid: number;
  uptimeSeconds: number;
  memory: { rssBytes: number; heapUsedBytes: number; heapTotalBytes: number; externalBytes: number };
  /** event-loop delay since the previous snapshot, in ms (a loop held by a long task shows here first) */
  eventLoopDelayMs: { p50: number; p99: number; max: number; mean: number };
  /** when the delay figures began: the previous snapshot, or the start */
  sinceMs: number;
}

const toMs = (ns: number) => Math.round((ns / 1e6) * 1000) / 1000;

/**
 * Samples the event loop's delay every 10 ms (node's own histogram, no timers of ours on the loop). Each
 * snapshot resets it, so a reader polling once a minute gets that minute's figures — one reader at a time.
 */
export class RuntimeMetrics {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private since = Date.now();

  constructor() {
    this.histogram.enable();
  }

  snapshot(): RuntimeSnapshot {
    const h = this.histogram;
    const m = process.memoryUsage();
    const empty = h.count === 0;
    const snapshot: RuntimeSnapshot = {
      pid: process.pid,
      uptimeSeconds: Math.round(process.uptime()),
      memory: { rssBytes: m.rss, heapUsedBytes: m.heapUsed, heapTotalBytes: m.heapTotal, externalBytes: m.external },
      eventLoopDelayMs: empty
        ? { p50: 0, p99: 0, max: 0, mean: 0 }
        : { p50: toMs(h.percentile(50)), p99: toMs(h.percentile(99)), max: toMs(h.max), mean: toMs(h.mean) },
      sinceMs: this.since,
    };
    h.reset();
    this.since = Date.now();
    return snapshot;
  }

  stop(): void {
    this.histogram.disable();
  }
}
