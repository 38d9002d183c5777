import uPlot from 'uplot';
import { resolveColour } from './colours.ts';

export type ChartKind = 'bars' | 'stacked' | 'lines';

export interface ChartSeries {
  label: string;
  values: Array<number | null>;
  /** a CSS colour or `var(--name)` */
  colour: string;
}

/** The x axis: calendar days (a time scale) or named categories (one slot each). */
export type ChartX = { days: string[] } | { labels: string[] };

export interface ChartSpec {
  kind: ChartKind;
  x: ChartX;
  series: ChartSeries[];
  /** how a y value reads (hover legend, and the axis unless `axisFormat`) */
  format(n: number): string;
  /** how the y axis' labels read (money axes drop the cents) */
  axisFormat?(n: number): string;
  /** the x axis' name in the hover legend ("Day" for days) */
  xLabel?: string;
}

const DAY_S = 86_400;
/** about how wide one character of an axis label is, in CSS pixels */
const CHAR_PX = 6.5;

/** A label on two lines, broken at the space nearest its middle ("Here and now" → "Here\nand now"). */
export function twoLines(label: string): string {
  const spaces = [...label.matchAll(/ /g)].map((m) => m.index);
  if (!spaces.length) return label;
  const at = spaces.reduce((best, i) => (Math.abs(i - label.length / 2) < Math.abs(best - label.length / 2) ? i : best));
  return `${label.slice(0, at)}\n${label.slice(at + 1)}`;
}

const widthOf = (label: string) => Math.max(...label.split('\n').map((l) => l.length)) * CHAR_PX + 6;

/**
 * Category labels where they fit: on one line, else on two, else every k-th one (uPlot draws "\n" as a line break).
 */
export function thinLabels(labels: readonly string[], splits: readonly number[], plotWidth: number): string[] {
  const slot = plotWidth / Math.max(1, labels.length);
  const fits = (ls: readonly string[]) => Math.max(1, ...ls.map(widthOf)) <= slot;
  if (fits(labels)) return splits.map((i) => labels[i] ?? '');
  const wrapped = labels.map(twoLines);
  const every = fits(wrapped) ? 1 : Math.max(1, Math.ceil(Math.max(...wrapped.map(widthOf)) / Math.max(1, slot)));
  return splits.map((i) => (i % every === 0 ? (wrapped[i] ?? '') : ''));
}

/** y-axis steps for whole counts: 1, 2, 5 × 10^k (no "0.5 people" gridlines). */
const wholeSteps = Array.from({ length: 10 }, (_, k) => [1, 2, 5].map((m) => m * 10 ** k)).flat();

/** Running totals per point, bottom series first: stacked[i] = series 0..i summed (null as 0). */
export function stackValues(series: ReadonlyArray<ReadonlyArray<number | null>>): number[][] {
  const out: number[][] = [];
  series.forEach((values, s) => out.push(values.map((v, i) => (v ?? 0) + (s ? out[s - 1]![i]! : 0))));
  return out;
}

/**
 * uPlot's options and data for a spec. Stacked bars are drawn top of the stack first, each from zero to its running
 * total, so the lower ones paint over: no band bookkeeping, and the hover legend shows each series' own value.
 */
export function chartOptions(spec: ChartSpec, size: { width: number; height: number }): { opts: uPlot.Options; data: uPlot.AlignedData } {
  const byDay = 'days' in spec.x;
  const n = byDay ? (spec.x as { days: string[] }).days.length : (spec.x as { labels: string[] }).labels.length;
  const xs = byDay ? (spec.x as { days: string[] }).days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000) : Array.from({ length: n }, (_, i) => i);
  const labels = byDay ? [] : (spec.x as { labels: string[] }).labels;
  const ink = resolveColour('var(--muted)');
  const grid = resolveColour('var(--line)');

  const stacked = spec.kind === 'stacked';
  const order = stacked ? spec.series.map((_, i) => i).reverse() : spec.series.map((_, i) => i);
  const totals = stacked ? stackValues(spec.series.map((s) => s.values)) : spec.series.map((s) => s.values);
  const bars = spec.kind !== 'lines' ? uPlot.paths.bars!({ size: [stacked || spec.series.length === 1 ? 0.7 : 0.7 / spec.series.length, 64], gap: 1 }) : undefined;

  const series: uPlot.Series[] = [
    { label: spec.xLabel ?? (byDay ? 'Day' : ''), value: (_u, v) => (v === null || v === undefined ? '' : byDay ? new Date(v * 1000).toISOString().slice(0, 10) : (labels[v] ?? '')) },
    ...order.map((i): uPlot.Series => {
      const s = spec.series[i]!;
      const colour = resolveColour(s.colour);
      return {
        label: s.label,
        stroke: colour,
        width: spec.kind === 'lines' ? 2 : 0,
        fill: spec.kind === 'lines' ? undefined : colour,
        points: { show: spec.kind === 'lines' && n < 40 },
        ...(bars ? { paths: bars } : {}),
        value: (_u, _v, _si, idx) => (idx === null ? '' : s.values[idx] === null || s.values[idx] === undefined ? '–' : spec.format(s.values[idx]!)),
      };
    }),
  ];

  const pad = byDay ? DAY_S * 0.6 : 0.6;
  const whole = spec.series.every((s) => s.values.every((v) => v === null || Number.isInteger(v)));
  const axisFormat = spec.axisFormat ?? spec.format;
  const opts: uPlot.Options = {
    ...size,
    series,
    legend: { show: true, live: true },
    cursor: { points: { show: spec.kind === 'lines' }, drag: { x: false, y: false } },
    scales: {
      x: { time: byDay, range: (_u, min, max) => (n ? [min - pad, max + pad] : [0, 1]) },
      y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.08 : 1] },
    },
    axes: [
      {
        stroke: ink,
        grid: { show: false },
        ticks: { stroke: grid },
        ...(byDay ? {} : { incrs: [1], space: 8, size: 46, values: (u: uPlot, splits: number[]) => thinLabels(labels, splits, u.bbox.width / (devicePixelRatio || 1)) }),
      },
      { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { show: false }, size: 64, ...(whole ? { incrs: wholeSteps } : {}), values: (_u, splits) => splits.map((v) => axisFormat(v)) },
    ],
  };
  const data = [xs, ...order.map((i) => (stacked ? totals[i]! : spec.series[i]!.values))] as uPlot.AlignedData;
  return { opts, data };
}
