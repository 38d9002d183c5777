import { cpus } from 'node:os';
import type { drift as driftOf, MinuteRow } from './minute-stats.ts';
import type { SoakOptions } from './options.ts';

const ms = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(1));
const mb = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(0));

/** The soak's figures as a markdown section: one row a minute, then the drift. */
export function soakReport(options: SoakOptions, rows: readonly MinuteRow[], drift: ReturnType<typeof driftOf>): string {
  const lines = [
    `Soak of ${options.minutes} min on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}: ` +
      `${options.rate} tracker events/s (UCI sessions, 3-event batches), ${options.recsRate} recommendation reads/s, ${options.adminRate} admin report reads/s${options.target ? ` against ${options.target.url}` : ', own `npm run serve` on a fresh database'}.`,
    '',
    '| min | events stored | collect p50 / p99 ms | errors | recs p50 / p99 ms | admin p50 / p99 ms | RSS MB | heap MB | loop delay p99 / max ms |',
    '|---:|---:|---|---:|---|---|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.minute} | ${r.eventsAcknowledged.toLocaleString('en-US')} | ${ms(r.collect.p50)} / ${ms(r.collect.p99)} | ${r.collect.errors + r.recommendations.errors + r.admin.errors} | ` +
        `${ms(r.recommendations.p50)} / ${ms(r.recommendations.p99)} | ${ms(r.admin.p50)} / ${ms(r.admin.p99)} | ${mb(r.server?.rssMb)} | ${mb(r.server?.heapUsedMb)} | ` +
        `${ms(r.server?.loopDelayP99Ms ?? Number.NaN)} / ${ms(r.server?.loopDelayMaxMs ?? Number.NaN)} |`,
    ),
    '',
    `Drift (mean of the last three minutes over minute 2; minute 1 is warm-up): collect p99 ×${drift.collectP99.toFixed(2)}, ` +
      `recommendations p99 ×${drift.recommendationsP99.toFixed(2)}, admin p99 ×${drift.adminP99.toFixed(2)}; ` +
      `RSS ${drift.rssMbPerMinute >= 0 ? '+' : ''}${drift.rssMbPerMinute.toFixed(1)} MB/min, heap ${drift.heapMbPerMinute >= 0 ? '+' : ''}${drift.heapMbPerMinute.toFixed(1)} MB/min.`,
  ];
  return lines.join('\n');
}
