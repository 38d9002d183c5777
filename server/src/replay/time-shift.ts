const DAY = 86_400_000;

/** How the file's dates map onto the replay's clock. */
export interface TimeShift {
  /** added to every time of the file */
  offsetMs: number;
  /** the clock's moment when the replay ends: the lifecycle's "now" for the stages it reports */
  endsAt: number;
}

/**
 * By default the year is moved so that the file's last order lands at `now` (the shop's year ends today), so
 * a server started afterwards keeps the stages the replay reports. With `keepDates` the original dates stay
 * and the replay ends a day after the last order.
 */
export function timeShift(lastOrderAt: number, now: number, keepDates: boolean): TimeShift {
  return keepDates ? { offsetMs: 0, endsAt: lastOrderAt + DAY } : { offsetMs: now - lastOrderAt, endsAt: now };
}
