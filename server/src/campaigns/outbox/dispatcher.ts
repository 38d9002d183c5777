import type { InStatement } from '@libsql/client';
import { setImmediate } from 'node:timers/promises';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import type { PushOutcome, PushSender } from '../../push/send/push-sender.ts';
import { decideForPerson } from '../policy/index.ts';
import { isPushCampaign } from '../settings.ts';
import { pushPayload, type RenderedMessage } from '../render/render-message.ts';
import { CLAIMED_COLUMNS, claimedMessage, type ClaimedMessage } from './claimed-message.ts';
import { SiteContext, type MessageContentSource } from './site-context.ts';
import type { StoredTarget } from '../../push/subscriptions/subscription-store.ts';
import { readRoundData } from './round-data.ts';
import { retryDelay, MAX_ATTEMPTS } from './retry-delay.ts';

const DAY = 86_400_000;
const WEEK = 7 * DAY;

export interface DispatcherOptions {
  /** messages claimed per round */
  batchSize?: number;
  /** how long a claim holds before another instance may take the work over */
  claimMs?: number;
  /** people decided and sent for at once within a round (the sender limits each push service further) */
  concurrency?: number;
}

export interface DispatchResult {
  claimed: number;
  sent: number;
  deferred: number;
  expired: number;
  cancelled: number;
  failed: number;
}

type Sender = Pick<PushSender, 'send'>;

/**
 * The push outbox. Each round claims due messages in the database (a lease, as the lifecycle scheduler claims
 * people, so several instances share the work and none decides a message twice), asks the contact policy for
 * each person, renders and sends what it allows, and writes every decision with its reason.
 *
 * Crash safety: a message is marked `sent` (with its due time at the claim's end) before the push service is
 * called, and confirmed as soon as it answered. A process that dies in between leaves it sent-but-unconfirmed; when
 * the claim runs out another round sends the same content again (the service worker drops a repeated id), so a
 * message is never lost and never shown twice.
 */
export class MessageDispatcher {
  private running: Promise<DispatchResult> | null = null;
  private readonly batchSize: number;
  private readonly claimMs: number;
  private readonly concurrency: number;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly sender: Sender,
    private readonly content: MessageContentSource,
    options: DispatcherOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 200;
    // long enough for a round's slowest sends (timeouts included): a claim that runs out mid-round lets another
    // instance send the unconfirmed messages again
    this.claimMs = options.claimMs ?? 5 * 60_000;
    this.concurrency = options.concurrency ?? 32;
  }

  /** Rounds until nothing is due (or `maxRounds`); one at a time per instance. */
  async runDue(maxRounds = 50): Promise<DispatchResult> {
    while (this.running) await this.running;
    this.running = (async () => {
      const total = emptyResult();
      for (let i = 0; i < maxRounds; i++) {
        const r = await this.round();
        for (const k of Object.keys(total) as Array<keyof DispatchResult>) total[k] += r[k];
        if (r.claimed < this.batchSize) break;
      }
      return total;
    })();
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  async round(): Promise<DispatchResult> {
    const now = this.clock.now();
    const claimUntil = now + this.claimMs;
    const rs = await this.db.client.execute({
      // whole people: a person's due messages are decided together, so priority holds across batches and instances
      sql: `UPDATE messages SET claim_until = ? WHERE due_at IS NOT NULL AND due_at <= ? AND (claim_until IS NULL OR claim_until < ?)
              AND (site_id, profile_id) IN (
                SELECT site_id, profile_id FROM messages WHERE due_at IS NOT NULL AND due_at <= ? AND (claim_until IS NULL OR claim_until < ?)
                ORDER BY due_at LIMIT ?)
            RETURNING ${CLAIMED_COLUMNS}`,
      args: [claimUntil, now, now, now, now, this.batchSize],
    });
    const result = emptyResult();
    result.claimed = rs.rows.length;
    const bySite = new Map<string, ClaimedMessage[]>();
    for (const m of rs.rows.map(claimedMessage)) bySite.set(m.siteId, [...(bySite.get(m.siteId) ?? []), m]);
    for (const [siteId, messages] of bySite) await this.site(siteId, messages, now, claimUntil, result);
    return result;
  }

  /**
   * One site's claimed messages. Decisions for the whole round are written in one transaction, sends are marked
   * in one (each mark re-checking the caps), then sent, and confirmed as the push services answer (the answers of
   * one turn of the event loop in one write): a round costs a few writes, not a few per person.
   */
  private async site(siteId: string, messages: ClaimedMessage[], now: number, claimUntil: number, result: DispatchResult): Promise<void> {
    const site = await SiteContext.load(this.db, siteId, this.content);
    const decisions: InStatement[] = [];
    const final = (m: ClaimedMessage, status: 'expired' | 'cancelled' | 'failed', reason: string) => {
      decisions.push({ sql: FINAL, args: [status, reason, now, m.id, claimUntil, m.status] });
      result[status]++;
    };
    if (!site?.push) {
      for (const m of messages) final(m, 'cancelled', site ? 'push is off: the site has no push contact (site push-contact)' : 'the site is gone');
      await this.db.write.run(decisions);
      return;
    }
    const people = new Map<string, ClaimedMessage[]>();
    for (const m of messages) people.set(m.profileId, [...(people.get(m.profileId) ?? []), m]);
    const data = await readRoundData(this.db, siteId, [...people.keys()], now);

    const toSend: Array<{ m: ClaimedMessage; targets: StoredTarget[] }> = [];
    const toMark: Array<{ m: ClaimedMessage; rendered: RenderedMessage; targets: StoredTarget[] }> = [];
    for (const [profileId, own] of people) {
      const { targets, timeZone, sentAt } = data.get(profileId)!;
      for (const m of own.filter((x) => x.status === 'sent')) {
        // sent by a process that died before the push service answered: the same content again
        if (targets.length === 0) final(m, 'cancelled', 'unsubscribed before the push service confirmed the message');
        else toSend.push({ m, targets });
      }
      const waiting = own.filter((x) => x.status !== 'sent');
      if (waiting.length === 0) continue;
      if (targets.length === 0) {
        for (const m of waiting) final(m, 'cancelled', 'no push subscription: the person unsubscribed');
        continue;
      }
      const pending = waiting.map((m) => ({ id: m.id, campaign: m.campaign, dueAt: m.dueAt, expiresAt: m.expiresAt }));
      const byId = new Map(waiting.map((m) => [m.id, m]));
      for (const d of decideForPerson({ now, timeZone, fallbackTimeZone: 'UTC', sentAt, pending, policy: site.policy })) {
        const m = byId.get(d.id)!;
        if (d.kind === 'expire') final(m, 'expired', d.reason);
        else if (d.kind === 'defer') {
          decisions.push({ sql: DEFER, args: [d.until, d.reason, now, m.id, claimUntil, m.status] });
          result.deferred++;
        } else if (!isPushCampaign(m.campaign)) final(m, 'cancelled', `${m.campaign} is not sent by push`);
        else if (!site.settings[m.campaign].enabled) final(m, 'cancelled', 'the campaign was switched off');
        else if (m.campaign === 'abandoned_cart' && m.context?.reminder === 2 && !site.settings.abandoned_cart.secondEnabled) final(m, 'cancelled', 'the second reminder was switched off');
        else {
          const rendered = await site.render(m);
          if ('skip' in rendered) final(m, 'cancelled', rendered.skip);
          else toMark.push({ m, rendered, targets });
        }
      }
    }
    // the caps are checked again in each mark, so two instances cannot both use a person's last slot
    const marks: InStatement[] = toMark.map(({ m, rendered: r }) => ({
      sql: MARK_SENT,
      args: [now, r.title, r.body, r.url, r.image, claimUntil, now, m.id, claimUntil, m.siteId, m.profileId, now - DAY, site.policy.maxPerDay, m.siteId, m.profileId, now - WEEK, site.policy.maxPerWeek],
    }));
    const marked = await this.db.write.run([...decisions, ...marks]);
    const release: InStatement[] = [];
    toMark.forEach(({ m, rendered, targets }, i) => {
      if (marked[decisions.length + i]) toSend.push({ m: { ...m, ...rendered, attempts: m.attempts + 1, sentAt: now }, targets });
      // another instance sent to this person meanwhile: the next round decides again, with that send counted
      else release.push({ sql: 'UPDATE messages SET claim_until = NULL WHERE id = ? AND claim_until = ?', args: [m.id, claimUntil] });
    });

    // Outcomes are written as the push services answer, not once at the round's end: a process killed mid-round
    // then leaves unconfirmed (to be sent again when its claim runs out) only the requests still in flight, not
    // every message the round had already delivered. Answers of one turn of the event loop share a write.
    const outcomes: InStatement[] = [...release];
    let confirming: Promise<unknown> = Promise.resolve();
    let scheduled = false;
    // The chain never rejects: a rejected link nobody awaits yet would be an unhandled rejection, which ends the
    // process (a locked database mid-round took the collector down). A failed write keeps its outcomes for the
    // next one; if the last fails too the round fails, and the claims' expiry brings the messages back.
    let failure: unknown = null;
    const confirm = () => {
      if (scheduled) return;
      scheduled = true;
      confirming = confirming.then(async () => {
        await setImmediate();
        scheduled = false;
        if (outcomes.length === 0) return;
        const batch = outcomes.splice(0);
        try {
          await this.db.write.run(batch);
          failure = null;
        } catch (error) {
          failure = error;
          outcomes.unshift(...batch);
        }
      });
    };
    const queue = [...toSend];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        outcomes.push(...(await this.deliverSafely(next.m, site, next.targets, now, claimUntil, result)));
        confirm();
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, queue.length) }, worker));
    confirm();
    await confirming;
    if (failure !== null) throw failure;
  }

  /** A message that cannot be sent at all (a payload too large, unusable keys) fails alone, never its round. */
  private async deliverSafely(m: ClaimedMessage, site: SiteContext, targets: StoredTarget[], now: number, claimUntil: number, result: DispatchResult): Promise<InStatement[]> {
    try {
      return await this.deliver(m, site, targets, now, claimUntil, result);
    } catch (error) {
      result.failed++;
      const reason = `could not be sent: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500);
      return [{ sql: SEND_FAILED, args: [reason, now, m.id, claimUntil] }];
    }
  }

  /** Sends a marked message to each of the person's browsers; returns the writes that record what the push services said. */
  private async deliver(m: ClaimedMessage, site: SiteContext, targets: StoredTarget[], now: number, claimUntil: number, result: DispatchResult): Promise<InStatement[]> {
    const ttlSeconds = Math.floor((m.expiresAt - now) / 1000);
    if (ttlSeconds <= 0) {
      result.expired++;
      return [{ sql: FINAL, args: ['expired', 'its time to live ended before the push service confirmed it', now, m.id, claimUntil, 'sent'] }];
    }
    const payload = pushPayload(m.id, { title: m.title ?? '', body: m.body ?? '', url: m.url ?? '', image: m.image }, m.topic);
    const out: InStatement[] = [];
    const outcomes: PushOutcome[] = [];
    for (const target of targets) {
      const outcome = await this.sender.send(target, payload, site.push!, { ttlSeconds: Math.min(ttlSeconds, 28 * 86_400), urgency: m.urgency, topic: m.topic });
      outcomes.push(outcome);
      if (outcome.kind === 'gone') out.push({ sql: 'DELETE FROM push_subscriptions WHERE id = ?', args: [target.id] });
    }
    const after = this.clock.now();
    if (outcomes.some((o) => o.kind === 'delivered')) {
      result.sent++;
      return [...out, { sql: 'UPDATE messages SET delivered_at = ?, due_at = NULL, claim_until = NULL, updated_at = ? WHERE id = ? AND claim_until = ?', args: [after, after, m.id, claimUntil] }];
    }
    const retry = outcomes.filter((o): o is Extract<PushOutcome, { kind: 'retry' }> => o.kind === 'retry');
    const problem = describe(outcomes);
    if (retry.length > 0 && m.attempts < MAX_ATTEMPTS) {
      const at = after + retryDelay(m.attempts, Math.max(...retry.map((o) => o.retryAfterMs ?? 0)));
      if (at < m.expiresAt) {
        // back to the policy: the send did not happen, so it must not count against the person's caps
        result.deferred++;
        const reason = `${problem}; retry ${m.attempts + 1} of ${MAX_ATTEMPTS} at ${new Date(at).toISOString()}`;
        return [...out, { sql: `UPDATE messages SET status = 'deferred', sent_at = NULL, due_at = ?, claim_until = NULL, reason = ?, updated_at = ? WHERE id = ? AND claim_until = ?`, args: [at, reason, after, m.id, claimUntil] }];
      }
    }
    result.failed++;
    return [...out, { sql: SEND_FAILED, args: [problem, after, m.id, claimUntil] }];
  }
}

// Every write of a decision holds only while this round's claim does and the message is as the round read it:
// a purchase may have cancelled it meanwhile, or another instance taken it over after the claim ran out.
const FINAL = `UPDATE messages SET status = ?, reason = ?, due_at = NULL, claim_until = NULL, updated_at = ? WHERE id = ? AND claim_until = ? AND status = ?`;
const MARK_SENT = `UPDATE messages SET status = 'sent', sent_at = ?, attempts = attempts + 1, title = ?, body = ?, url = ?, image = ?, reason = NULL,
    due_at = ?, updated_at = ?
  WHERE id = ? AND claim_until = ? AND status IN ('scheduled', 'deferred')
    AND (SELECT count(*) FROM messages WHERE site_id = ? AND profile_id = ? AND sent_at > ?) < ?
    AND (SELECT count(*) FROM messages WHERE site_id = ? AND profile_id = ? AND sent_at > ?) < ?`;
/** a send that cannot succeed: not counted as sent against the person's caps */
const SEND_FAILED = `UPDATE messages SET status = 'failed', sent_at = NULL, due_at = NULL, claim_until = NULL, reason = ?, updated_at = ? WHERE id = ? AND claim_until = ?`;
const DEFER = `UPDATE messages SET status = 'deferred', due_at = ?, reason = ?, claim_until = NULL, updated_at = ? WHERE id = ? AND claim_until = ? AND status = ?`;

function describe(outcomes: PushOutcome[]): string {
  const parts = outcomes.map((o) => {
    switch (o.kind) {
      case 'gone':
        return `subscription gone (${o.status}): removed`;
      case 'retry':
        return `push service unavailable (${o.status ?? o.error})`;
      case 'rejected':
        return `push service refused it (${o.status}: ${o.error})`;
      case 'refused':
        return `endpoint refused: ${o.error}`;
      default:
        return `delivered (${o.status})`;
    }
  });
  return [...new Set(parts)].join('; ').slice(0, 500);
}

function emptyResult(): DispatchResult {
  return { claimed: 0, sent: 0, deferred: 0, expired: 0, cancelled: 0, failed: 0 };
}

