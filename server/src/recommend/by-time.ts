import type { Click } from './types.ts';

/** clicks sorted by time, ties in input order: the order a live stream would have delivered them */
export function byTime(clicks: readonly Click[]): Click[] {
  return clicks.map((click, i) => ({ click, i })).sort((a, b) => a.click.time - b.click.time || a.i - b.i).map((x) => x.click);
}
