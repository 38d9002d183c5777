import type { DailyStageCounts, Stage } from '../api/types.ts';
import { stageOrder } from '../stages/labels.ts';

/** The drawing area in SVG units: the plot sits inside the margins (left for the axis labels). */
export interface Frame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface Segment {
  stage: Stage;
  value: number;
  y: number;
  height: number;
}

export interface Bar {
  day: string;
  /** the day's counts, for the bar's tooltip */
  counts: DailyStageCounts;
  x: number;
  width: number;
  total: number;
  /** bottom to top, in stage order; stages with nobody are left out */
  segments: Segment[];
}

export interface StackedBars {
  /** every day of the period, with or without a bar */
  days: string[];
  bars: Bar[];
  /** y-axis lines, 0 first */
  ticks: Array<{ value: number; y: number }>;
  slot: number;
}

const DAY = 86_400_000;
/** beyond this many days a bar would be thinner than a pixel; the API caps nothing, the chart does */
const MAX_DAYS = 400;

/** Every UTC day from `first` to `last`, both included. */
export function everyDay(first: string, last: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`), end = Date.parse(`${last}T00:00:00Z`); t <= end && out.length < MAX_DAYS; t += DAY) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** A round step (1, 2 or 5 × 10^k, at least 1) for about five gridlines up to `max`. */
export function tickStep(max: number): number {
  const raw = Math.max(1, max / 5);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/**
 * Lays out one stacked bar per day that has counts, placed by its date so a missing day shows as a gap.
 * Pure: the component only draws what this returns.
 */
export function stackedBars(rows: DailyStageCounts[], first: string, last: string, frame: Frame): StackedBars {
  const days = everyDay(first, last);
  const { top, right, bottom, left } = frame.margin;
  const plotWidth = frame.width - left - right;
  const plotBottom = frame.height - bottom;
  const plotHeight = plotBottom - top;
  const totals = rows.map((r) => stageOrder.reduce((sum, s) => sum + r[s], 0));
  const step = tickStep(Math.max(0, ...totals));
  const max = step * Math.max(1, Math.ceil(Math.max(0, ...totals) / step));
  const y = (v: number) => plotBottom - (v / max) * plotHeight;
  const slot = days.length ? plotWidth / days.length : plotWidth;
  const index = new Map(days.map((d, i) => [d, i]));

  const bars: Bar[] = [];
  rows.forEach((row, r) => {
    const i = index.get(row.day);
    if (i === undefined) return;
    const segments: Segment[] = [];
    let base = 0;
    for (const stage of stageOrder) {
      const value = row[stage];
      if (value <= 0) continue;
      segments.push({ stage, value, y: y(base + value), height: y(base) - y(base + value) });
      base += value;
    }
    bars.push({ day: row.day, counts: row, x: left + i * slot + slot * 0.15, width: slot * 0.7, total: totals[r]!, segments });
  });

  const ticks: StackedBars['ticks'] = [];
  for (let v = 0; v <= max; v += step) ticks.push({ value: v, y: y(v) });
  return { days, bars, ticks, slot };
}
