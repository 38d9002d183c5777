/**
 * Wall-clock time in a person's IANA zone, read with Intl (no date library): what the clock on their wall says
 * at an instant, and the reverse — the first instant the wall clock reaches a given time, which around a DST
 * change is not "the same time tomorrow minus 24 h".
 */

export interface WallTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number; // 0–23
  minute: number;
  second: number;
}

const DAY = 86_400_000;
/** Zone names come from visitors' browsers: keep at most this many formatters. */
const MAX_CACHED_ZONES = 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  if (timeZone.length === 0 || timeZone.length > 64) return null;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return null; // RangeError: not a time zone Intl knows
  }
  if (formatters.size >= MAX_CACHED_ZONES) formatters.clear();
  formatters.set(timeZone, formatter);
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  return formatterFor(timeZone) !== null;
}

/** The person's zone if Intl knows it, else the site's fallback, else UTC. */
export function resolveTimeZone(timeZone: string | null, fallbackTimeZone: string): string {
  if (timeZone !== null && isValidTimeZone(timeZone)) return timeZone;
  return isValidTimeZone(fallbackTimeZone) ? fallbackTimeZone : 'UTC';
}

export function wallTimeAt(instant: number, timeZone: string): WallTime {
  const formatter = formatterFor(timeZone);
  if (!formatter) throw new RangeError(`unknown time zone ${timeZone}`);
  const wall: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatter.formatToParts(instant)) {
    if (part.type in wall) wall[part.type as keyof WallTime] = Number(part.value);
  }
  return wall;
}

/** The wall time as if it were UTC, in ms: wall times compare and add like instants. */
export function wallMs(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** How far the zone's wall clock is ahead of UTC at the instant (ms, whole seconds). */
function offsetAt(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return wallMs(wallTimeAt(wholeSecond, timeZone)) - wholeSecond;
}

/**
 * The first instant ≥ notBefore at which the zone's wall clock reads `target` (a wall time in ms, see wallMs).
 * In a repeated hour (clocks turned back) that is its first occurrence not before notBefore; in a skipped hour
 * (clocks turned forward) the wall clock never reads `target`, so it is the moment of the jump, the first
 * instant whose wall time is past `target`.
 */
export function firstInstantAtWall(target: number, timeZone: string, notBefore: number = -Infinity): number {
  const offsetBefore = offsetAt(target - DAY, timeZone);
  const offsetAfter = offsetAt(target + DAY, timeZone);
  const candidates = [target - offsetBefore, target - offsetAfter]
    .filter((instant) => instant >= notBefore && wallMs(wallTimeAt(instant, timeZone)) === target)
    .sort((a, b) => a - b);
  if (candidates[0] !== undefined) return candidates[0];
  if (offsetAfter > offsetBefore) {
    // Skipped: the jump lies between these two instants; find it to the second.
    let lo = target - offsetAfter; // wall clock still before target
    let hi = target - offsetBefore; // already past it
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (wallMs(wallTimeAt(mid, timeZone)) >= target) hi = mid;
      else lo = mid;
    }
    return Math.max(hi, notBefore);
  }
  // Both occurrences of a repeated time lie before notBefore: the caller asked for a time already passed.
  return notBefore;
}

/** 'HH:MM' → minutes after midnight. */
export function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

export function formatHHMM(wall: WallTime): string {
  return `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
}
