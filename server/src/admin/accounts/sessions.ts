import { eq, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { adminSessions, adminUsers } from '../../db/schema/admin-accounts.ts';
import { randomId, sha256 } from '../../sites/keys.ts';
import { csrfTokenFor } from './csrf.ts';

export interface SessionPolicy {
  /** a session unused this long ends */
  idleMs: number;
  /** a session this old ends, used or not */
  absoluteMs: number;
}

export interface OpenSession {
  user: { id: string; email: string };
  csrfToken: string;
  createdAt: number;
}

// lastSeenAt is written at most once a minute per session: a page firing many requests costs one write
const TOUCH_AFTER_MS = 60_000;

/**
 * Admin sessions in the database, keyed by the SHA-256 of the cookie's token. Every request reads the row,
 * so a deleted row (logout, a removed user) is refused at once, whichever instance serves the request.
 */
export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly policy: SessionPolicy,
  ) {}

  /** A new session; the returned token goes into the cookie and is never stored. */
  async create(userId: string, email: string, now: number): Promise<{ token: string } & OpenSession> {
    await this.sweep(now);
    const token = randomId('slas_', 40);
    await this.db.orm.insert(adminSessions).values({ tokenHash: sha256(token), userId, createdAt: now, lastSeenAt: now });
    return { token, user: { id: userId, email }, csrfToken: csrfTokenFor(token), createdAt: now };
  }

  /** The session of a cookie token, or null (unknown, idle too long, too old: the last two are deleted). */
  async read(token: string, now: number): Promise<OpenSession | null> {
    const tokenHash = sha256(token);
    const [row] = await this.db.orm
      .select({ userId: adminSessions.userId, email: adminUsers.email, createdAt: adminSessions.createdAt, lastSeenAt: adminSessions.lastSeenAt })
      .from(adminSessions)
      .innerJoin(adminUsers, eq(adminUsers.id, adminSessions.userId))
      .where(eq(adminSessions.tokenHash, tokenHash));
    if (!row) return null;
    if (now - row.lastSeenAt >= this.policy.idleMs || now - row.createdAt >= this.policy.absoluteMs) {
      await this.end(token);
      return null;
    }
    if (now - row.lastSeenAt >= TOUCH_AFTER_MS) {
      await this.db.orm.update(adminSessions).set({ lastSeenAt: now }).where(eq(adminSessions.tokenHash, tokenHash));
    }
    return { user: { id: row.userId, email: row.email }, csrfToken: csrfTokenFor(token), createdAt: row.createdAt };
  }

  async end(token: string): Promise<void> {
    await this.db.orm.delete(adminSessions).where(eq(adminSessions.tokenHash, sha256(token)));
  }

  /** Every session of a user (a new password logs every other browser out). */
  async endAllOf(userId: string): Promise<void> {
    await this.db.orm.delete(adminSessions).where(eq(adminSessions.userId, userId));
  }

  /** Drops expired rows so the table holds only live sessions. */
  private async sweep(now: number): Promise<void> {
    await this.db.orm
      .delete(adminSessions)
      .where(or(lt(adminSessions.lastSeenAt, now - this.policy.idleMs), lt(adminSessions.createdAt, now - this.policy.absoluteMs)));
  }
}
