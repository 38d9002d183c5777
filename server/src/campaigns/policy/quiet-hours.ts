import { firstInstantAtWall, minutesOfDay, wallTimeAt, type WallTime } from './local-time.ts';

export interface QuietHours {
  from: string; // 'HH:MM' on the person's wall clock
  to: string;
}

/** Is this wall clock minute inside the window? The window may cross midnight (21:00–09:00) or not (13:00–14:00). */
export function isQuietMinute(minute: number, quiet: QuietHours): boolean {
  const from = minutesOfDay(quiet.from);
  const to = minutesOfDay(quiet.to);
  if (from === to) return false; // an empty window (the settings schema refuses it)
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/**
 * When the quiet window that holds `instant` ends, as a real instant (a DST change inside the window makes it
 * shorter or longer than the wall clock suggests); null when the instant is not in quiet hours.
 */
export function quietHoursEnd(instant: number, timeZone: string, quiet: QuietHours): number | null {
  const wall: WallTime = wallTimeAt(instant, timeZone);
  const minute = wall.hour * 60 + wall.minute;
  if (!isQuietMinute(minute, quiet)) return null;
  const to = minutesOfDay(quiet.to);
  // Before midnight in a window that crosses it, the window ends tomorrow; otherwise today.
  const dayAhead = minute >= to ? 1 : 0;
  const end = Date.UTC(wall.year, wall.month - 1, wall.day + dayAhead, Math.floor(to / 60), to % 60);
  return firstInstantAtWall(end, timeZone, instant);
}
