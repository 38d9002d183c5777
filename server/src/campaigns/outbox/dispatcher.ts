import type { InStatement } from '@libsql/client';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/client.ts';
import type { PushOutcome, PushSender } from '../../push/send/push-sender.ts';
import { decideForPerson, type ContactPolicy, type Decision } from '../policy/index.ts';
import { isPushCampaign } from '../settings.ts';
import { pushPayload } from '../render/render-message.ts';
import { CLAIMED_COLUMNS, claimedMessage, type ClaimedMessage } from './claimed-message.ts';
import { SiteContext, type MessageContentSource } from './site-context.ts';
import { subscriptionsOf, removeSubscriptionById, type StoredTarget } from '../../push/subscriptions/subscription-store.ts';
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
 * called, and confirmed after it answered. A process that dies in between leaves it sent-but-unconfirmed; when
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
    this.claimMs = options.claimMs ?? 60_000;
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
      sql: `UPDATE messages SET claim_until = ? WHERE id IN (
              SELECT id FROM messages WHERE due_at IS NOT NULL AND due_at <= ? AND (claim_until IS NULL OR claim_until < ?) ORDER BY due_at LIMIT ?)
            RETURNING ${CLAIMED_COLUMNS}`,
      args: [claimUntil, now, now, this.batchSize],
    });
    const result = emptyResult();
    result.claimed = rs.rows.length;
    if (rs.rows.length === 0) return result;
    const people = new Map<string, ClaimedMessage[]>();
    for (const m of rs.rows.map(claimedMessage)) {
      const key = `${m.siteId}\u0000${m.profileId}`;
      people.set(key, [...(people.get(key) ?? []), m]);
    }
    const sites = new Map<string, Promise<SiteContext | null>>();
    const siteOf = (siteId: string) => {
      let s = sites.get(siteId);
      if (!s) sites.set(siteId, (s = SiteContext.load(this.db, siteId, this.content)));
      return s;
    };
    const queue = [...people.values()];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const site = await siteOf(next[0]!.siteId);
        await this.person(next, site, now, claimUntil, result);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, queue.length) }, worker));
    return result;
  }

  /** One person's due messages: unconfirmed sends again, the rest through the contact policy. */
  private async person(messages: ClaimedMessage[], site: SiteContext | null, now: number, claimUntil: number, result: DispatchResult): Promise<void> {
    const writes: InStatement[] = [];
    const final = (m: ClaimedMessage, status: 'expired' | 'cancelled' | 'failed', reason: string) => {
      writes.push({ sql: FINAL, args: [status, reason, now, m.id] });
      result[status]++;
    };
    if (!site?.push) {
      for (const m of messages) final(m, 'cancelled', site ? 'push is off: the site has no push contact (site push-contact)' : 'the site is gone');
      return void (await this.db.write.run(writes));
    }
    const { siteId, profileId } = messages[0]!;
    const targets = await subscriptionsOf(this.db, siteId, profileId);
    const unconfirmed = messages.filter((m) => m.status === 'sent');
    const waiting = messages.filter((m) => m.status !== 'sent');

    for (const m of unconfirmed) {
      if (targets.length === 0) final(m, 'cancelled', 'unsubscribed before the push service confirmed the message');
      else await this.deliver(m, site, targets, now, result);
    }

    if (waiting.length > 0) {
      if (targets.length === 0) {
        for (const m of waiting) final(m, 'cancelled', 'no push subscription: the person unsubscribed');
      } else {
        const decisions = decideForPerson({
          now,
          timeZone: await this.timeZoneOf(siteId, profileId),
          fallbackTimeZone: 'UTC',
          sentAt: await this.sentTimes(siteId, profileId, now),
          pending: waiting.map((m) => ({ id: m.id, campaign: m.campaign, dueAt: m.dueAt, expiresAt: m.expiresAt })),
          policy: site.policy,
        });
        const byId = new Map(waiting.map((m) => [m.id, m]));
        for (const d of decisions) {
          const m = byId.get(d.id)!;
          if (d.kind === 'expire') final(m, 'expired', d.reason);
          else if (d.kind === 'defer') {
            writes.push({ sql: DEFER, args: [d.until, d.reason, now, m.id] });
            result.deferred++;
          } else await this.sendNew(m, site, targets, now, claimUntil, result, writes, final);
        }
      }
    }
    if (writes.length > 0) await this.db.write.run(writes);
  }

  private async sendNew(
    m: ClaimedMessage,
    site: SiteContext,
    targets: StoredTarget[],
    now: number,
    claimUntil: number,
    result: DispatchResult,
    writes: InStatement[],
    final: (m: ClaimedMessage, status: 'expired' | 'cancelled' | 'failed', reason: string) => void,
  ): Promise<void> {
    if (!isPushCampaign(m.campaign)) return final(m, 'cancelled', `${m.campaign} is not sent by push`);
    const rendered = await site.render(m);
    if (!rendered) return final(m, 'cancelled', 'nothing trusted to show: no product with a name from the feed or several visitors');
    // the caps are checked again in the write itself, so two instances cannot both use a person's last slot
    const [marked] = await this.db.write.run([
      {
        sql: `UPDATE messages SET status = 'sent', sent_at = ?, attempts = attempts + 1, title = ?, body = ?, url = ?, image = ?, reason = NULL,
                due_at = ?, updated_at = ?
              WHERE id = ? AND claim_until = ? AND status IN ('scheduled', 'deferred')
                AND (SELECT count(*) FROM messages WHERE site_id = ? AND profile_id = ? AND sent_at > ?) < ?
                AND (SELECT count(*) FROM messages WHERE site_id = ? AND profile_id = ? AND sent_at > ?) < ?`,
        args: [now, rendered.title, rendered.body, rendered.url, rendered.image, claimUntil, now, m.id, claimUntil,
          m.siteId, m.profileId, now - DAY, site.policy.maxPerDay, m.siteId, m.profileId, now - WEEK, site.policy.maxPerWeek],
      },
    ]);
    if (!marked) {
      // another instance sent to this person meanwhile: the next round decides again, with that send counted
      writes.push({ sql: 'UPDATE messages SET claim_until = NULL WHERE id = ? AND claim_until = ?', args: [m.id, claimUntil] });
      return;
    }
    await this.deliver({ ...m, ...rendered, attempts: m.attempts + 1, sentAt: now }, site, targets, now, result);
  }

  /** Sends a marked message to each of the person's browsers and records what the push services said. */
  private async deliver(m: ClaimedMessage, site: SiteContext, targets: StoredTarget[], now: number, result: DispatchResult): Promise<void> {
    const ttlSeconds = Math.floor((m.expiresAt - now) / 1000);
    if (ttlSeconds <= 0) {
      await this.db.write.run([{ sql: FINAL, args: ['expired', 'its time to live ended before the push service confirmed it', now, m.id] }]);
      result.expired++;
      return;
    }
    const payload = pushPayload(m.id, { title: m.title ?? '', body: m.body ?? '', url: m.url ?? '', image: m.image }, m.topic);
    const outcomes: PushOutcome[] = [];
    for (const target of targets) {
      const outcome = await this.sender.send(target, payload, site.push!, { ttlSeconds: Math.min(ttlSeconds, 28 * 86_400), urgency: m.urgency, topic: m.topic });
      outcomes.push(outcome);
      if (outcome.kind === 'gone') await removeSubscriptionById(this.db, target.id);
    }
    const after = this.clock.now();
    if (outcomes.some((o) => o.kind === 'delivered')) {
      await this.db.write.run([{ sql: `UPDATE messages SET delivered_at = ?, due_at = NULL, claim_until = NULL, updated_at = ? WHERE id = ?`, args: [after, after, m.id] }]);
      result.sent++;
      return;
    }
    const retry = outcomes.filter((o): o is Extract<PushOutcome, { kind: 'retry' }> => o.kind === 'retry');
    const problem = describe(outcomes);
    if (retry.length > 0 && m.attempts < MAX_ATTEMPTS) {
      const at = after + retryDelay(m.attempts, Math.max(...retry.map((o) => o.retryAfterMs ?? 0)));
      if (at < m.expiresAt) {
        // back to the policy: the send did not happen, so it must not count against the person's caps
        await this.db.write.run([
          { sql: `UPDATE messages SET status = 'deferred', sent_at = NULL, due_at = ?, claim_until = NULL, reason = ?, updated_at = ? WHERE id = ?`, args: [at, `${problem}; retry ${m.attempts + 1} of ${MAX_ATTEMPTS} at ${new Date(at).toISOString()}`, after, m.id] },
        ]);
        result.deferred++;
        return;
      }
    }
    await this.db.write.run([{ sql: `UPDATE messages SET status = 'failed', sent_at = NULL, due_at = NULL, claim_until = NULL, reason = ?, updated_at = ? WHERE id = ?`, args: [problem, after, m.id] }]);
    result.failed++;
  }

  private async timeZoneOf(siteId: string, profileId: string): Promise<string | null> {
    const customer = profileId.startsWith('c:');
    const rs = await this.db.client.execute({
      sql: `SELECT time_zone FROM visitors WHERE site_id = ? AND ${customer ? 'customer_id' : 'visitor_id'} = ? AND time_zone IS NOT NULL ORDER BY last_seen_at DESC LIMIT 1`,
      args: [siteId, profileId.slice(2)],
    });
    return (rs.rows[0]?.time_zone as string | undefined) ?? null;
  }

  private async sentTimes(siteId: string, profileId: string, now: number): Promise<number[]> {
    const rs = await this.db.client.execute({
      sql: 'SELECT sent_at FROM messages WHERE site_id = ? AND profile_id = ? AND sent_at > ?',
      args: [siteId, profileId, now - WEEK],
    });
    return rs.rows.map((r) => Number(r.sent_at));
  }
}

const FINAL = `UPDATE messages SET status = ?, reason = ?, due_at = NULL, claim_until = NULL, updated_at = ? WHERE id = ?`;
const DEFER = `UPDATE messages SET status = 'deferred', due_at = ?, reason = ?, claim_until = NULL, updated_at = ? WHERE id = ?`;

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

export type { ContactPolicy, Decision };
