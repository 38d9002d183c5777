import type { ManualClock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import type { LifecycleMaintenance } from '../lifecycle/maintenance.ts';
import type { LifecycleScheduler } from '../lifecycle/scheduler.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Shorter than the 30-minute session timeout, so a session is seen live (here_and_now) before it ends. */
const TICK_MS = 15 * MINUTE;

export interface TimelineTotals {
  /** ticks at which someone was due */
  ticks: number;
  days: number;
  /** the daily refits: on how many days BG/NBD was fitted, and the last reason it was not */
  refits: { fitted: number; notFitted: number; lastNotFittedNote: string | null };
  evaluated: number;
  transitions: number;
  schedulerMs: number;
  maintenanceMs: number;
}

export interface TimelineDeps {
  db: Db;
  clock: ManualClock;
  scheduler: LifecycleScheduler;
  maintenance: LifecycleMaintenance;
}

/**
 * Moves the replay's clock forward the way wall time moves for a running server: every 15 simulated minutes
 * the scheduler evaluates whoever is due (a tick with nobody due is skipped: the earliest due time is known),
 * and at the last moment of each UTC day the site's stage counts are stored and its buyer models refitted
 * once a day has passed. That is the server's maintenance for the replayed site only: other sites of the
 * database must not get counts written into their past.
 */
export class ReplayTimeline {
  readonly totals: TimelineTotals = {
    ticks: 0,
    days: 0,
    refits: { fitted: 0, notFitted: 0, lastNotFittedNote: null },
    evaluated: 0,
    transitions: 0,
    schedulerMs: 0,
    maintenanceMs: 0,
  };
  /** null until the first move: the timeline starts where the replay first sends something */
  private nextTick: number | null = null;
  /** the earliest due time of any profile, as far as this replay knows; -∞ = look it up */
  private nextDue = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly deps: TimelineDeps,
    private readonly siteId: string,
  ) {}

  /**
   * Runs every tick up to `t`, then leaves the clock at `t` (it never moves back: receipt times only grow).
   * The first call only sets the clock: a replay that sends nothing new (run again) writes no daily counts into
   * the past, where they would be today's stages under old dates.
   */
  async advanceTo(t: number): Promise<void> {
    if (this.nextTick === null) {
      this.nextTick = Math.floor(t / TICK_MS) * TICK_MS + TICK_MS;
      this.deps.clock.set(t);
    }
    while (this.nextTick <= t) {
      const tick = this.nextTick;
      if (tick % DAY === 0) await this.endOfDay(tick - 1);
      await this.evaluateDueAt(tick);
      this.nextTick += TICK_MS;
    }
    if (t > this.deps.clock.now()) this.deps.clock.set(t);
  }

  /** The collector stored events just now: their people are due now. */
  eventsArrived(): void {
    this.nextDue = Math.min(this.nextDue, this.deps.clock.now());
  }

  /** Evaluates everyone due at `t` until nobody is. */
  async evaluateDueAt(t: number): Promise<void> {
    this.deps.clock.set(t);
    if (this.nextDue > t) return;
    const started = performance.now();
    // an evaluation can make someone due at once (a customer absorbing a device): go on until nobody is
    while (this.nextDue <= t) {
      const round = await this.deps.scheduler.runDue();
      this.totals.evaluated += round.evaluated;
      this.totals.transitions += round.transitions;
      const rs = await this.deps.db.client.execute('SELECT min(due_at) AS next FROM profiles');
      this.nextDue = rs.rows[0]?.next == null ? Number.POSITIVE_INFINITY : Number(rs.rows[0].next);
      if (round.evaluated === 0) break; // due but not claimable (another instance holds it): the next tick takes it
    }
    this.totals.ticks++;
    this.totals.schedulerMs += performance.now() - started;
  }

  private async endOfDay(t: number): Promise<void> {
    await this.evaluateDueAt(t);
    const started = performance.now();
    await this.deps.maintenance.snapshotDaily(this.siteId, t);
    const model = await this.deps.maintenance.refitIfDue(this.siteId, t);
    if (model?.bgNbd) this.totals.refits.fitted++;
    else if (model) {
      this.totals.refits.notFitted++;
      this.totals.refits.lastNotFittedNote = model.note;
    }
    this.totals.days++;
    this.totals.maintenanceMs += performance.now() - started;
  }
}
