/**
 * A heat-map cell's colour strength from its value's share of the largest value: CSS variables the cell's
 * background reads (styles.css `.heat td.cell`); strong cells switch to light text.
 */
export function heatOf(value: number | null | undefined, max: number): { vars: Record<string, string>; strong: boolean } {
  if (value === null || value === undefined || !(max > 0) || value <= 0) return { vars: { '--heat-alpha': '0' }, strong: false };
  const alpha = 0.08 + 0.82 * Math.min(1, value / max);
  return { vars: { '--heat-alpha': alpha.toFixed(3) }, strong: alpha > 0.6 };
}
