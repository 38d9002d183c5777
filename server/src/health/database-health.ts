/**
 * What this instance knows of its database's health, from the collector's writes: since when they fail and why.
 * A write that fails makes the collector answer 503 with Retry-After, and for RETRY_AFTER_S it answers the same
 * at once instead of trying again, with one request at a time let through as a probe: a locked database holds each
 * write up to busy_timeout (5 s) on the event loop, and a flood of doomed writes would stall every other route.
 */
export const RETRY_AFTER_S = 5;
/** A failure older than this (no write tried since: e.g. a load balancer took the instance out) is asked again. */
const FORGET_AFTER_MS = 30_000;

export interface DatabaseProblem {
  reason: string;
  /** wall time (ms since epoch) of the first failure in this run of failures */
  since: number;
}

export class DatabaseHealth {
  private problem: DatabaseProblem | null = null;
  private lastAttempt = Number.NEGATIVE_INFINITY;
  private lastFailure = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number = Date.now) {}

  /** The current problem, or null while writes succeed (or none was tried for a while). */
  get writeProblem(): DatabaseProblem | null {
    return this.problem && this.now() - this.lastFailure < FORGET_AFTER_MS ? this.problem : null;
  }

  /** True while writes fail and the last attempt is recent: answer 503 without touching the database. */
  shouldShed(): boolean {
    if (!this.writeProblem || this.now() - this.lastAttempt >= RETRY_AFTER_S * 1000) {
      this.lastAttempt = this.now(); // this request goes ahead (as the probe, when writes fail)
      return false;
    }
    return true;
  }

  writeSucceeded(): void {
    this.problem = null;
  }

  writeFailed(error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.problem = { reason: reason.slice(0, 300), since: this.writeProblem?.since ?? this.now() };
    this.lastAttempt = this.lastFailure = this.now();
  }
}
