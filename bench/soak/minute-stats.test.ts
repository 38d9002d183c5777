import { describe, expect, it } from 'vitest';
import { RequestStats, drift, slope, type MinuteRow } from './minute-stats.ts';

const row = (minute: number, p99: number, rssMb: number): MinuteRow => ({
  minute,
  eventsAcknowledged: 0,
  collect: { requests: 1, errors: 0, p50: 1, p99 },
  recommendations: { requests: 1, errors: 0, p50: 1, p99: p99 * 2 },
  admin: { requests: 1, errors: 0, p50: 1, p99: 10 },
  server: { rssMb, heapUsedMb: rssMb / 2, loopDelayP99Ms: 1, loopDelayMaxMs: 2 },
});

describe('soak statistics', () => {
  it('takes percentiles from the recorded latencies', () => {
    const s = new RequestStats();
    for (let i = 1; i <= 100; i++) s.record(i, i !== 7);
    expect(s.percentiles()).toMatchObject({ p50: 51, p99: 100, max: 100 });
    expect(s.errors).toBe(1);
    expect(new RequestStats().percentiles().p50).toBeNaN();
  });

  it('fits a slope and compares the last minutes with the first steady one', () => {
    expect(slope([[1, 10], [2, 12], [3, 14]])).toBeCloseTo(2);
    const rows = [row(1, 100, 500), row(2, 4, 100), row(3, 5, 110), row(4, 6, 120), row(5, 7, 130), row(6, 8, 140)];
    const d = drift(rows);
    expect(d.collectP99).toBeCloseTo(7 / 4); // mean of 6, 7, 8 over minute 2's 4; warm-up minute 1 ignored
    expect(d.rssMbPerMinute).toBeCloseTo(10);
    expect(d.heapMbPerMinute).toBeCloseTo(5);
  });
});
