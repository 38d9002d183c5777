import { stages } from '../../lifecycle/stages.ts';
import { skipReasons, skipReasonText } from '../uci/uci-line.ts';
import type { ReplayReport } from './replay-report.ts';
import type { ScoreBand } from './rfm-table.ts';

const n = (x: number) => x.toLocaleString('en-US');
const pct = (part: number, whole: number) => `${whole ? ((100 * part) / whole).toFixed(1) : '0.0'} %`;
const gbp = (x: number) => `£${x.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const time = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const sig = (x: number) => Number(x.toPrecision(4)).toString();

/** The replay's figures as the CLI prints them. */
export function formatReplayReport(r: ReplayReport): string {
  return [...summary(r), '', ...stageLines(r), '', ...rfmLines(r), '', ...clvLines(r), '', ...timing(r)].join('\n');
}

function summary(r: ReplayReport): string[] {
  const days = r.offsetMs / 86_400_000;
  const dates = r.lastOrderAt === null ? 'no orders in the file'
    : r.keepDates ? `original dates kept; stages as of ${time(r.endsAt)}, a day after the last order`
    : `dates moved by ${days >= 0 ? '+' : ''}${days.toFixed(1)} days: the last order (${time(r.lastOrderAt)}) lands at ${time(r.endsAt)}`;
  const c = r.cancellations;
  const s = r.slice;
  return [
    `Replayed ${r.file} into site ${r.siteId}`,
    `  ${dates}`,
    `  ${n(s.customers)} customers + ${n(s.guests)} guest orders = ${n(s.people)} people, ${n(s.orders)} orders` +
      (s.ordersAlreadyStored ? ` (${n(s.ordersAlreadyStored)} already stored by an earlier replay: sent again at the end)` : ''),
    `  cancellations: ${n(c.invoices)} C-invoices; ${n(c.linesMatched)} lines taken off earlier orders (${gbp(c.valueRemoved)}), ` +
      `${n(c.ordersCancelledInFull)} orders cancelled in full (replayed as visits without a purchase), ${n(c.ordersCancelledInPart)} in part`,
    `Lines: ${n(r.lines.read)} read, ${n(r.lines.replayed)} order lines replayed, ${n(r.lines.cancellationsApplied)} cancellation lines applied, skipped:`,
    ...skipReasons.map((reason) => `  ${n(r.lines.skipped[reason]).padStart(8)}  ${skipReasonText[reason]}`),
    `Events: ${n(r.events.sent)} sent in ${n(r.events.batches)} collector batches: ${n(r.events.stored)} stored, ${n(r.events.duplicates)} duplicates`,
    `Lifecycle: ${n(r.lifecycle.evaluated + r.lifecycle.settleEvaluated)} evaluations, ${n(r.lifecycle.transitions)} stage changes over ${n(r.lifecycle.days)} days of daily counts; ` +
      `BG/NBD fitted on ${n(r.lifecycle.refits.fitted)} of ${n(r.lifecycle.refits.fitted + r.lifecycle.refits.notFitted)} daily refits` +
      (r.lifecycle.refits.lastNotFittedNote ? ` (last miss: ${r.lifecycle.refits.lastNotFittedNote})` : ''),
  ];
}

function stageLines(r: ReplayReport): string[] {
  const { counts, total, unevaluated } = r.stages;
  return [
    `Stage mix of the ${n(total)} people replayed, at ${time(r.endsAt)}`,
    ...stages.map((stage) => `  ${stage.padEnd(13)}${n(counts[stage]).padStart(8)}  ${pct(counts[stage], total).padStart(7)}`),
    ...(unevaluated ? [`  (${n(unevaluated)} people without a stage yet)`] : []),
  ];
}

function rfmLines(r: ReplayReport): string[] {
  const t = r.rfm;
  if (!t) return ['RFM: no buyers'];
  const cell = (x: string | number) => String(x).padStart(7);
  const range = (b: ScoreBand, fmt: (x: number) => string) => (b.min === null || b.max === null ? '—' : b.min === b.max ? fmt(b.min) : `${fmt(b.min)}–${fmt(b.max)}`);
  const band = (label: string, bands: ScoreBand[], fmt: (x: number) => string) => `  ${label.padEnd(18)}${bands.map((b) => range(b, fmt).padStart(18)).join('')}`;
  const counts = (label: string, bands: ScoreBand[]) => `  ${label.padEnd(18)}${bands.map((b) => n(b.buyers).padStart(18)).join('')}`;
  return [
    `RFM quintile scores of ${n(t.buyers)} buyers (5 = most recent, most orders, highest total spend; ties share a score)`,
    `  buyers by recency × frequency   ${[1, 2, 3, 4, 5].map((f) => cell(`F${f}`)).join('')}`,
    ...[5, 4, 3, 2, 1].map((rs) => `${' '.repeat(34)}R${rs}${t.recencyByFrequency[rs - 1]!.map(cell).join('')}`),
    `  score             ${[1, 2, 3, 4, 5].map((s) => String(s).padStart(18)).join('')}`,
    band('days since order', t.bands.recency, (x) => n(x)),
    counts('  buyers', t.bands.recency),
    band('orders', t.bands.frequency, (x) => n(x)),
    counts('  buyers', t.bands.frequency),
    band('total spend', t.bands.monetary, gbp),
    counts('  buyers', t.bands.monetary),
  ];
}

function clvLines(r: ReplayReport): string[] {
  const c = r.clv;
  const lines = [`Buyer models: ${c.note}`];
  if (c.bgNbd) lines.push(`  BG/NBD (days)   r ${sig(c.bgNbd.r)}  alpha ${sig(c.bgNbd.alpha)}  a ${sig(c.bgNbd.a)}  b ${sig(c.bgNbd.b)}`);
  if (c.gammaGamma) lines.push(`  Gamma-Gamma     p ${sig(c.gammaGamma.p)}  q ${sig(c.gammaGamma.q)}  v ${sig(c.gammaGamma.v)}`);
  const alive = c.pAliveOfRepeatBuyers;
  if (alive) lines.push(`  P(alive) of the ${n(alive.buyers)} buyers with 2+ orders: lowest ${alive.min.toFixed(3)}, median ${alive.median.toFixed(3)}`);
  const v = c.clv12Months;
  lines.push(
    v
      ? `  12-month CLV of ${n(c.buyers)} buyers (1 % monthly discount): total ${gbp(v.total)}, mean ${gbp(v.mean)}, median ${gbp(v.median)}, top 10 % of buyers hold ${pct(v.topDecileShare, 1)}`
      : '  12-month CLV: not available (it needs both BG/NBD and Gamma-Gamma fitted)',
  );
  return lines;
}

function timing(r: ReplayReport): string[] {
  const l = r.lifecycle;
  return [
    `Elapsed ${secs(r.elapsedMs)} (read ${secs(r.phasesMs.read)}, replay ${secs(r.phasesMs.replay)}, settle ${secs(r.phasesMs.settle)}): ` +
      `${n(Math.round(r.events.sent / (r.elapsedMs / 1000)))} events/s`,
    `  inside the replay: collector ${secs(r.events.ms)}, scheduler ${secs(l.schedulerMs)} (${n(l.ticks)} ticks), daily counts and model refits ${secs(l.maintenanceMs)}`,
  ];
}
