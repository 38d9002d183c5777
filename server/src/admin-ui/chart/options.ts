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
  /** how a y value reads (axis and hover legend) */
  format(n: number): string;
  /** the x axis' name in the hover legend ("Day" for days) */
  xLabel?: string;
}

const DAY_S = 86_400;
/** about how wide one character of an axis label is, in CSS pixels */
const CHAR_PX = 6.5;

/** Category labels where they fit: every k-th one when a slot is narrower than the longest label. */
export function thinLabels(labels: readonly string[], splits: readonly number[], plotWidth: number): string[] {
  const slot = plotWidth / Math.max(1, labels.length);
  const longest = Math.max(1, ...labels.map((l) => l.length)) * CHAR_PX + 6;
  const every = Math.max(1, Math.ceil(longest / Math.max(1, slot)));
  return splits.map((i) => (i % every === 0 ? (labels[i] ?? '') : ''));
}

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
        ...(byDay ? {} : { incrs: [1], space: 8, values: (u: uPlot, splits: number[]) => thinLabels(labels, splits, u.bbox.width / (devicePixelRatio || 1)) }),
      },
      { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { show: false }, size: 64, values: (_u, splits) => splits.map((v) => spec.format(v)) },
    ],
  };
  const data = [xs, ...order.map((i) => (stacked ? totals[i]! : spec.series[i]!.values))] as uPlot.AlignedData;
  return { opts, data };
}
