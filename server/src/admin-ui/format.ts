const whole = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** 12345 → "12,345". */
export const formatCount = (n: number) => whole.format(n);

/** The change between two counts, signed, with a real minus sign: "+12", "−3", "±0". */
export function formatDelta(from: number, to: number): string {
  const d = to - from;
  if (d === 0) return '±0';
  return d > 0 ? `+${formatCount(d)}` : `−${formatCount(-d)}`;
}

/** "2026-11-23" → "23 Nov" (the day is UTC, as the API counts it). */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}
