import type { DatabaseHealth } from './database-health.ts';

const FIRST_PAUSE_MS = 5_000;
const LONGEST_PAUSE_MS = 60_000;

/**
 * Whether a background round (lifecycle scheduler, campaigns) may start now. libSQL's local calls are
 * synchronous: while another process holds the write lock, each write holds this process's event loop for up to
 * busy_timeout (5 s). A round every second would then starve every request, so rounds wait while the
 * collector's writes are failing, and after a failed round they pause 5 s, doubling to a minute, until one
 * succeeds. Nothing is lost by waiting: due people and messages stay due in the database.
 */
export class RoundGate implements RoundGuard {
  private pausedUntil = 0;
  private pauseMs = 0;

  constructor(
    private readonly health: Pick<DatabaseHealth, 'writeProblem'>,
    private readonly now: () => number = Date.now,
  ) {}

  open(): boolean {
    return this.health.writeProblem === null && this.now() >= this.pausedUntil;
  }

  succeeded(): void {
    this.pauseMs = 0;
  }

  failed(round: string, error: unknown): void {
    if (this.pauseMs === 0) console.error(`${round}: round failed; pausing rounds until the database answers`, error);
    this.pauseMs = Math.min(LONGEST_PAUSE_MS, this.pauseMs === 0 ? FIRST_PAUSE_MS : this.pauseMs * 2);
    this.pausedUntil = this.now() + this.pauseMs;
  }
}

/** Whether a round may start, and what became of the last one. */
export interface RoundGuard {
  open(): boolean;
  succeeded(): void;
  failed(round: string, error: unknown): void;
}

/** For callers with no health to ask (tests, tools): always open. */
export const alwaysOpen: RoundGuard = {
  open: () => true,
  succeeded: () => {},
  failed: (round, error) => console.error(`${round}:`, error),
};

/**
 * Starts `round` every `intervalMs` while `gate` is open and tells the gate how it went: the timer of the
 * lifecycle scheduler and of the campaigns. It does not keep the process alive.
 */
export function everyRound(name: string, intervalMs: number, round: () => Promise<void>, gate: RoundGuard = alwaysOpen): NodeJS.Timeout {
  const timer = setInterval(() => {
    if (gate.open()) void round().then(() => gate.succeeded(), (e: unknown) => gate.failed(name, e));
  }, intervalMs);
  return timer.unref();
}
