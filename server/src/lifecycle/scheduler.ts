import type { InStatement } from '@libsql/client';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import type { Stage } from './stages.ts';
import { evaluate, type AliveProbability } from './evaluate.ts';
import { emptyFacts, foldEvent, type PersonFacts } from './facts.ts';
import type { FreshEvents } from './fresh-events.ts';
import { eventsOfVisitors, visitorsOfCustomer, type SeqEvent } from './person-events.ts';
import { customerProfileId, parseProfileId, visitorProfileId } from './profile-ids.ts';
import { thresholdsOf, type Thresholds } from './settings.ts';
import { readLifecycleSettings } from './site-lifecycle-config.ts';
import type { EvaluatedPerson, EvaluationHook } from './evaluation-hook.ts';
import { everyRound, type RoundGuard } from '../health/round-gate.ts';

interface Claimed {
  siteId: string;
  profileId: string;
  stage: Stage | null;
  facts: PersonFacts | null;
  factsSeq: number;
  touched: number;
  /** a visitor profile's events after `factsSeq` at the claim: how many, and the newest seq (customers: 0) */
  newCount: number;
  newMaxSeq: number;
}

export interface SchedulerOptions {
  /** profiles claimed per round */
  batchSize?: number;
  /** how long a claim holds before another instance may take the work over (a crashed instance's claims expire) */
  claimMs?: number;
  /** P(alive) per site from its fitted model; none means the recency rule */
  aliveProbability?: (siteId: string) => Promise<AliveProbability | undefined>;
  /** slow chores run with the timer, at most once per `maintenanceEveryMs` of clock time */
  maintenance?: { run(): Promise<void> };
  maintenanceEveryMs?: number;
  /** campaign triggers, written in the same transaction as the evaluation */
  onEvaluated?: EvaluationHook;
  /** the events this instance's writer committed lately: folded from memory when they are exactly a person's new ones */
  fresh?: FreshEvents;
}

export interface RoundResult {
  evaluated: number;
  transitions: number;
}

const UPDATE_PROFILE = `UPDATE profiles SET stage = ?, stage_since = coalesce(?, stage_since), rule = ?, reason = ?, facts = ?, facts_seq = ?,
  due_at = CASE WHEN touched = ? THEN ? ELSE ? END, claim_until = NULL, updated_at = ?
  WHERE site_id = ? AND profile_id = ?`;
const INSERT_TRANSITION = `INSERT INTO stage_transitions (site_id, profile_id, from_stage, to_stage, at, rule, reason) VALUES (?, ?, ?, ?, ?, ?, ?)`;

/**
 * Re-evaluates the people whose stage is due: every event makes its person due at once, and each evaluation
 * stores when time alone may next change the stage (a session ending, 7 days passing). Due work is claimed
 * in the database with a lease, so several instances share it and none is done twice; nobody is scanned
 * who is not due.
 */
export class LifecycleScheduler {
  private timer: NodeJS.Timeout | null = null;
  private lastMaintenance = Number.NEGATIVE_INFINITY;
  private running: Promise<RoundResult> | null = null;
  private readonly batchSize: number;
  private readonly claimMs: number;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly options: SchedulerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.claimMs = options.claimMs ?? 30_000;
  }

  /** `gate` keeps rounds from starting while the database fails (health/round-gate.ts) */
  start(intervalMs = 1000, gate?: RoundGuard): void {
    this.timer ??= everyRound('lifecycle scheduler', intervalMs, () => this.tick(), gate);
  }

  /** What the timer does: the due stages, then the maintenance chores when their time has come. */
  async tick(): Promise<void> {
    await this.runDue();
    const now = this.clock.now();
    if (this.options.maintenance && now - this.lastMaintenance >= (this.options.maintenanceEveryMs ?? 60_000)) {
      this.lastMaintenance = now;
      await this.options.maintenance.run();
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Rounds until nothing is due (or `maxRounds`); one at a time per instance. */
  async runDue(maxRounds = 100): Promise<RoundResult> {
    while (this.running) await this.running;
    this.running = (async () => {
      const total = { evaluated: 0, transitions: 0 };
      for (let i = 0; i < maxRounds; i++) {
        const r = await this.round();
        total.evaluated += r.evaluated;
        total.transitions += r.transitions;
        if (r.evaluated < this.batchSize) break;
      }
      return total;
    })();
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  /** Claims up to one batch of due people and evaluates them. */
  async round(): Promise<RoundResult> {
    const now = this.clock.now();
    const claimed = await this.claim(now);
    if (claimed.length === 0) return { evaluated: 0, transitions: 0 };
    const statements: InStatement[] = [];
    let transitions = 0;
    const bySite = groupBy(claimed, (c) => c.siteId);
    for (const [siteId, people] of bySite) {
      const thresholds = thresholdsOf(await readLifecycleSettings(this.db, siteId));
      const pAlive = await this.options.aliveProbability?.(siteId);
      const hook = await this.options.onEvaluated?.forSite(siteId);
      for (const person of await this.withNewEvents(siteId, people, statements, now)) {
        transitions += this.evaluateInto(statements, person, thresholds, now, pAlive, hook);
      }
    }
    await this.db.write.run(statements);
    return { evaluated: claimed.length, transitions };
  }

  /**
   * The claim also counts each visitor profile's events after its facts, and their newest seq, from the
   * (site, visitor, seq) index alone: the events held in `fresh` are folded when they are exactly those.
   */
  private async claim(now: number): Promise<Claimed[]> {
    const rs = await this.db.client.execute({
      sql: `UPDATE profiles SET claim_until = ? WHERE rowid IN (
              SELECT rowid FROM profiles WHERE due_at <= ? AND (claim_until IS NULL OR claim_until < ?) ORDER BY due_at LIMIT ?)
            RETURNING site_id, profile_id, stage, facts, facts_seq, touched,
              CASE WHEN substr(profile_id, 1, 2) = 'v:' THEN (SELECT count(*) FROM events e WHERE e.site_id = profiles.site_id
                AND e.visitor_id = substr(profiles.profile_id, 3) AND e.seq > profiles.facts_seq) ELSE 0 END AS new_count,
              CASE WHEN substr(profile_id, 1, 2) = 'v:' THEN (SELECT max(seq) FROM events e WHERE e.site_id = profiles.site_id
                AND e.visitor_id = substr(profiles.profile_id, 3) AND e.seq > profiles.facts_seq) ELSE 0 END AS new_max`,
      args: [now + this.claimMs, now, now, this.batchSize],
    });
    return rs.rows.map((r) => ({
      siteId: String(r.site_id),
      profileId: String(r.profile_id),
      stage: (r.stage as Stage | null) ?? null,
      facts: r.facts ? (JSON.parse(String(r.facts)) as PersonFacts) : null,
      factsSeq: Number(r.facts_seq),
      touched: Number(r.touched),
      newCount: Number(r.new_count ?? 0),
      newMaxSeq: Number(r.new_max ?? 0),
    }));
  }

  /**
   * Folds each person's new events into their facts. A customer seen on a new device absorbs that device's
   * visitor profile: its history moves over and the facts are folded again from every device's events.
   */
  private async withNewEvents(siteId: string, people: Claimed[], statements: InStatement[], now: number): Promise<Folded[]> {
    const out: Folded[] = [];
    const visitorPeople = people.filter((p) => parseProfileId(p.profileId).kind === 'visitor');
    const identified = await this.customersOf(siteId, visitorPeople.map((p) => parseProfileId(p.profileId).id));

    // A plain visitor's new events: none (time alone woke them), those this instance's writer just handed over,
    // or, when those are not exactly the ones the claim counted, read from the table as before.
    const plain = visitorPeople.filter((p) => !identified.has(parseProfileId(p.profileId).id));
    const toRead: Claimed[] = [];
    for (const p of plain) {
      const visitorId = parseProfileId(p.profileId).id;
      const held = p.newCount === 0 ? [] : this.options.fresh?.take(siteId, visitorId, p.factsSeq, p.newCount, p.newMaxSeq);
      if (held) out.push(fold(p, held));
      else toRead.push(p);
    }
    const minSeq = Math.min(...toRead.map((p) => p.factsSeq));
    const events = toRead.length ? await eventsOfVisitors(this.db, siteId, toRead.map((p) => parseProfileId(p.profileId).id), minSeq) : [];
    const byVisitor = groupBy(events, (e) => e.visitorId);
    for (const p of toRead) out.push(fold(p, (byVisitor.get(parseProfileId(p.profileId).id) ?? []).filter((e) => e.seq > p.factsSeq)));

    // A visitor profile whose visitor has since identified: its customer takes over; this one is released.
    for (const p of visitorPeople.filter((v) => identified.has(parseProfileId(v.profileId).id))) {
      const customer = customerProfileId(identified.get(parseProfileId(p.profileId).id)!);
      statements.push({ sql: `UPDATE profiles SET due_at = ?, touched = touched + 1 WHERE site_id = ? AND profile_id = ?`, args: [now, siteId, customer] });
      statements.push({ sql: `UPDATE profiles SET due_at = NULL, claim_until = NULL WHERE site_id = ? AND profile_id = ?`, args: [siteId, p.profileId] });
    }

    for (const p of people.filter((c) => parseProfileId(c.profileId).kind === 'customer')) {
      const devices = await visitorsOfCustomer(this.db, siteId, parseProfileId(p.profileId).id);
      const absorbed = await this.existingProfiles(siteId, devices.map(visitorProfileId));
      if (absorbed.length > 0) {
        for (const profileId of absorbed) {
          statements.push({ sql: `UPDATE stage_transitions SET profile_id = ? WHERE site_id = ? AND profile_id = ?`, args: [p.profileId, siteId, profileId] });
          statements.push({ sql: `DELETE FROM profiles WHERE site_id = ? AND profile_id = ?`, args: [siteId, profileId] });
          statements.push(...(this.options.onEvaluated?.onAbsorb?.(siteId, profileId, p.profileId) ?? []));
        }
        const stage = p.stage ?? (await this.stageOf(siteId, absorbed.at(-1)!));
        out.push(fold({ ...p, stage, facts: null, factsSeq: 0 }, await eventsOfVisitors(this.db, siteId, devices, 0)));
      } else {
        out.push(fold(p, await eventsOfVisitors(this.db, siteId, devices, p.factsSeq)));
      }
    }
    return out;
  }

  private evaluateInto(statements: InStatement[], p: Folded, t: Thresholds, now: number, pAlive?: AliveProbability, hook?: (person: EvaluatedPerson) => InStatement[]): number {
    const e = evaluate(p.facts, t, now, pAlive);
    const changed = e.stage !== p.stage;
    if (hook) {
      statements.push(...hook({ siteId: p.siteId, profileId: p.profileId, from: p.stage, to: e.stage, changed, now, facts: p.facts, newEvents: p.newEvents }));
    }
    if (changed) statements.push({ sql: INSERT_TRANSITION, args: [p.siteId, p.profileId, p.stage, e.stage, now, e.rule, e.reason] });
    statements.push({
      sql: UPDATE_PROFILE,
      args: [e.stage, changed ? now : null, e.rule, e.reason, JSON.stringify(p.facts), p.lastSeq, p.touched, e.dueAt, now, now, p.siteId, p.profileId],
    });
    return changed ? 1 : 0;
  }

  private async customersOf(siteId: string, visitorIds: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < visitorIds.length; i += 400) {
      const chunk = visitorIds.slice(i, i + 400);
      const rs = await this.db.client.execute({
        sql: `SELECT visitor_id, customer_id FROM visitors WHERE site_id = ? AND customer_id IS NOT NULL AND visitor_id IN (${chunk.map(() => '?').join(',')})`,
        args: [siteId, ...chunk],
      });
      for (const r of rs.rows) out.set(String(r.visitor_id), String(r.customer_id));
    }
    return out;
  }

  private async existingProfiles(siteId: string, profileIds: string[]): Promise<string[]> {
    if (profileIds.length === 0) return [];
    const rs = await this.db.client.execute({
      sql: `SELECT profile_id FROM profiles WHERE site_id = ? AND profile_id IN (${profileIds.map(() => '?').join(',')}) ORDER BY updated_at`,
      args: [siteId, ...profileIds],
    });
    return rs.rows.map((r) => String(r.profile_id));
  }

  private async stageOf(siteId: string, profileId: string): Promise<Stage | null> {
    const rs = await this.db.client.execute({ sql: 'SELECT stage FROM profiles WHERE site_id = ? AND profile_id = ?', args: [siteId, profileId] });
    return (rs.rows[0]?.stage as Stage | null | undefined) ?? null;
  }
}

type Folded = Claimed & { facts: PersonFacts; lastSeq: number; newEvents: SeqEvent[] };

function fold(p: Claimed, events: SeqEvent[]): Folded {
  let facts = p.facts;
  let lastSeq = p.factsSeq;
  for (const e of events) {
    facts = foldEvent(facts ?? emptyFacts(e.receivedAt), e);
    lastSeq = Math.max(lastSeq, e.seq);
  }
  return { ...p, facts: facts ?? emptyFacts(0), lastSeq, newEvents: events };
}

function groupBy<T, K>(list: T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of list) {
    const k = key(item);
    const group = out.get(k);
    if (group) group.push(item);
    else out.set(k, [item]);
  }
  return out;
}
