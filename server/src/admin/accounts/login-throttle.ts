import { createHmac, randomBytes } from 'node:crypto';
import { eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { adminLoginThrottle } from '../../db/schema/admin-accounts.ts';
import { meta } from '../../db/schema/sites.ts';

export interface ThrottleLimits {
  /** failed logins per account, and per address, allowed in one window */
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

export const defaultThrottleLimits: ThrottleLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

const SALT_KEY = 'admin_throttle_salt';

/**
 * Failed logins counted per account and per address in fixed windows, in the database so that every instance
 * counts the same attempts. Keys are hashes: an HMAC with a salt kept in the database (the same on every
 * instance, unlike the collector's per-process one), so the table names neither emails nor addresses.
 */
export class LoginThrottle {
  private salt: Promise<Buffer> | undefined;

  constructor(
    private readonly db: Db,
    private readonly limits: ThrottleLimits = defaultThrottleLimits,
  ) {}

  async keys(email: string, address: string | undefined): Promise<{ account: string; address: string }> {
    const salt = await this.sharedSalt();
    const mac = (s: string) => createHmac('sha256', salt).update(s).digest('base64url').slice(0, 32);
    return { account: `account:${mac(email)}`, address: `address:${mac(address ?? 'unknown')}` };
  }

  /**
   * Counts this attempt as a failure before its password is checked, then says how many seconds to wait (0: go
   * ahead). Counting first is what makes the limit hold for parallel guesses: checking, hashing for tens of
   * milliseconds, then counting let a burst of N requests all pass the check. A login that succeeds takes its
   * count back (`succeed`).
   */
  async attempt(keys: { account: string; address: string }, now: number): Promise<number> {
    await this.count(keys, now);
    const rows = await this.db.orm.select().from(adminLoginThrottle).where(inArray(adminLoginThrottle.key, [keys.account, keys.address]));
    let until = 0;
    for (const row of rows) {
      const limit = row.key === keys.account ? this.limits.perAccount : this.limits.perAddress;
      const end = row.windowStart + this.limits.windowMs;
      if (row.failures > limit && end > now) until = Math.max(until, end);
    }
    return until ? Math.ceil((until - now) / 1000) : 0;
  }

  /** Counts a failure for both keys in one statement each (atomic: concurrent instances never lose a count). */
  private async count(keys: { account: string; address: string }, now: number): Promise<void> {
    const expired = now - this.limits.windowMs;
    await this.db.orm.delete(adminLoginThrottle).where(lt(adminLoginThrottle.windowStart, expired));
    for (const key of [keys.account, keys.address]) {
      await this.db.orm
        .insert(adminLoginThrottle)
        .values({ key, failures: 1, windowStart: now })
        .onConflictDoUpdate({
          target: adminLoginThrottle.key,
          set: {
            failures: sql`CASE WHEN ${adminLoginThrottle.windowStart} <= ${expired} THEN 1 ELSE ${adminLoginThrottle.failures} + 1 END`,
            windowStart: sql`CASE WHEN ${adminLoginThrottle.windowStart} <= ${expired} THEN ${now} ELSE ${adminLoginThrottle.windowStart} END`,
          },
        });
    }
  }

  /**
   * A successful login forgets the account's failures and takes back the address's count of this attempt (not
   * the address's other failures: one right password must not reset them).
   */
  async succeed(keys: { account: string; address: string }): Promise<void> {
    await this.db.orm.delete(adminLoginThrottle).where(eq(adminLoginThrottle.key, keys.account));
    await this.db.orm
      .update(adminLoginThrottle)
      .set({ failures: sql`max(0, ${adminLoginThrottle.failures} - 1)` })
      .where(eq(adminLoginThrottle.key, keys.address));
  }

  private sharedSalt(): Promise<Buffer> {
    this.salt ??= (async () => {
      await this.db.orm.insert(meta).values({ key: SALT_KEY, value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
      const row = await this.db.orm.query.meta.findFirst({ where: eq(meta.key, SALT_KEY) });
      return Buffer.from(row!.value, 'base64url');
    })();
    this.salt.catch(() => (this.salt = undefined)); // a failed read is tried again by the next login
    return this.salt;
  }
}
