import type { Format } from '../../format/format.ts';
import type { Uplift } from './types.ts';

export type UpliftVerdict = 'better' | 'worse' | 'unclear' | 'underpowered';

export interface UpliftView {
  verdict: UpliftVerdict;
  /** the cell's text: "+2.1 pts" or "not enough data yet" */
  headline: string;
  /** the 95 % interval in points, or what the groups still need */
  detail: string;
  /** raw values for the CSV (percentage points, null while underpowered) */
  points: number | null;
  lower: number | null;
  upper: number | null;
}

/** A difference of conversion rates in percentage points, signed with a real minus: 0.0213 → "+2.1 pts". */
export function points(diff: number, f: Format): string {
  const p = diff * 100;
  const text = f.decimal(Math.abs(p), 1);
  return `${p > 0.05 ? '+' : p < -0.05 ? '−' : '±'}${text} pts`;
}

/**
 * How the uplift against the holdout reads. Underpowered: no number at all (it would be mostly noise), only what
 * the groups still need. Otherwise the difference with its 95 % interval; "better" or "worse" only when the interval
 * leaves zero out, else "unclear".
 */
export function upliftView(u: Uplift, f: Format): UpliftView {
  if (!u.enoughData) {
    return {
      verdict: 'underpowered',
      headline: 'not enough data yet',
      detail: `needs ${f.count(u.neededPerGroup)} people in each group`,
      points: null,
      lower: null,
      upper: null,
    };
  }
  const [lower, upper] = u.ci95;
  const verdict: UpliftVerdict = lower > 0 ? 'better' : upper < 0 ? 'worse' : 'unclear';
  const pts = (n: number) => Math.round(n * 1000) / 10;
  return {
    verdict,
    headline: points(u.uplift, f),
    detail: `95 %: ${points(lower, f)} to ${points(upper, f)}`,
    points: pts(u.uplift),
    lower: pts(lower),
    upper: pts(upper),
  };
}
