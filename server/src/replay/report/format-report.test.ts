import { describe, expect, test } from 'vitest';
import { formatReplayReport } from './format-report.ts';
import type { ReplayReport } from './replay-report.ts';

const band = (score: number, buyers: number, min: number | null, max: number | null) => ({ score, buyers, min, max });

const report: ReplayReport = {
  file: 'onlineretail.csv.gz',
  siteId: 'site_demo',
  keepDates: false,
  offsetMs: 10 * 86_400_000,
  endsAt: Date.UTC(2026, 10, 23, 12),
  firstOrderAt: Date.UTC(2010, 11, 1, 8, 26),
  lastOrderAt: Date.UTC(2011, 11, 9, 12, 50),
  lines: { read: 100, replayed: 90, cancellationsApplied: 4, skipped: { unparseable: 1, service_code: 2, zero_price: 1, negative_quantity: 0, guest_cancellation: 1, unmatched_cancellation: 1 } },
  cancellations: { invoices: 3, linesMatched: 4, linesUnmatched: 1, ordersCancelledInFull: 1, ordersCancelledInPart: 2, valueRemoved: 12.5 },
  slice: { people: 4, customers: 3, guests: 1, orders: 9, ordersAlreadyStored: 0 },
  events: { batches: 9, sent: 300, stored: 300, duplicates: 0, ms: 500 },
  lifecycle: { ticks: 40, days: 373, refits: { fitted: 300, notFitted: 73, lastNotFittedNote: 'not fitted: only 2 repeat buyers; need 30' }, evaluated: 50, transitions: 30, schedulerMs: 200, maintenanceMs: 100, settleEvaluated: 3 },
  stages: { counts: { potential: 1, here_and_now: 0, at_risk: 0, dormant: 1, loyal: 2 }, total: 4, unevaluated: 0 },
  rfm: {
    buyers: 4,
    recencyByFrequency: [[1, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 2]],
    bands: {
      recency: [band(1, 1, 300, 300), band(2, 0, null, null), band(3, 1, 90, 90), band(4, 0, null, null), band(5, 2, 0, 5)],
      frequency: [band(1, 1, 1, 1), band(2, 0, null, null), band(3, 1, 2, 2), band(4, 0, null, null), band(5, 2, 3, 7)],
      monetary: [band(1, 1, 10, 10), band(2, 0, null, null), band(3, 1, 50, 50), band(4, 0, null, null), band(5, 2, 100, 1234.5)],
    },
  },
  clv: {
    note: 'BG/NBD fitted on 4 buyers (2 repeat)',
    buyers: 4,
    repeatBuyers: 2,
    bgNbd: { r: 0.48006, alpha: 53.0102, a: 0.0019931, b: 14.976 },
    gammaGamma: { p: 2.2308, q: 3.5053, v: 453.78 },
    pAliveOfRepeatBuyers: { buyers: 3, min: 0.41, median: 0.93 },
    clv12Months: { total: 10_000, mean: 2_500, median: 1_200, topDecileShare: 0.545 },
  },
  elapsedMs: 2000,
  phasesMs: { read: 500, replay: 1400, settle: 100 },
};

describe('formatReplayReport', () => {
  test('prints the stage mix with percentages, the RFM grid and bounds, the models and CLV, and the timing', () => {
    const text = formatReplayReport(report);
    expect(text).toContain('the last order (2011-12-09 12:50 UTC) lands at 2026-11-23 12:00 UTC');
    expect(text).toMatch(/loyal\s+2\s+50\.0 %/);
    expect(text).toMatch(/dormant\s+1\s+25\.0 %/);
    expect(text).toMatch(/R5\s+0\s+0\s+0\s+0\s+2/);
    expect(text).toMatch(/total spend\s+£10\s+—\s+£50\s+—\s+£100–£1,235/);
    expect(text).toContain('BG/NBD (days)   r 0.4801  alpha 53.01  a 0.001993  b 14.98');
    expect(text).toContain('Gamma-Gamma     p 2.231  q 3.505  v 453.8');
    expect(text).toContain('total £10,000, mean £2,500, median £1,200, top 10 % of buyers hold 54.5 %');
    expect(text).toContain('BG/NBD fitted on 300 of 373 daily refits (last miss: not fitted: only 2 repeat buyers; need 30)');
    expect(text).toContain('Elapsed 2.0 s (read 0.5 s, replay 1.4 s, settle 0.1 s): 150 events/s');
  });

  test('says why there is no CLV, and when orders were replayed before', () => {
    const text = formatReplayReport({
      ...report,
      slice: { ...report.slice, ordersAlreadyStored: 9 },
      clv: { ...report.clv, note: 'not fitted: only 2 repeat buyers; need 30', bgNbd: null, gammaGamma: null, pAliveOfRepeatBuyers: null, clv12Months: null },
    });
    expect(text).toContain('Buyer models: not fitted: only 2 repeat buyers; need 30');
    expect(text).toContain('12-month CLV: not available');
    expect(text).toContain('9 already stored by an earlier replay');
  });
});
