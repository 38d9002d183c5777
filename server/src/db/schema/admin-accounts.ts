import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { epochMs } from './columns.ts';

/**
 * A person who may open the admin app. `email` is stored lower-cased; `passwordHash` is scrypt's
 * (admin/accounts/password.ts), null until the one-time set-password link is used.
 */
export const adminUsers = sqliteTable(
  'admin_users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    passwordHash: text('password_hash'),
    createdAt: epochMs('created_at').notNull(),
    passwordSetAt: epochMs('password_set_at'),
  },
  (t) => [uniqueIndex('admin_users_email_uq').on(t.email)],
);

/** A one-time set-password link: only the token's SHA-256 is kept; used or expired, it is deleted. */
export const adminPasswordTokens = sqliteTable(
  'admin_password_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id').notNull().references(() => adminUsers.id, { onDelete: 'cascade' }),
    createdAt: epochMs('created_at').notNull(),
    expiresAt: epochMs('expires_at').notNull(),
  },
  (t) => [index('admin_password_tokens_user_idx').on(t.userId)],
);

/**
 * A logged-in browser. Only the cookie token's SHA-256 is kept; every request reads this row, so deleting it
 * (logout, removing the user) ends the session at once on every instance.
 */
export const adminSessions = sqliteTable(
  'admin_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id').notNull().references(() => adminUsers.id, { onDelete: 'cascade' }),
    createdAt: epochMs('created_at').notNull(),
    lastSeenAt: epochMs('last_seen_at').notNull(),
  },
  (t) => [index('admin_sessions_user_idx').on(t.userId), index('admin_sessions_last_seen_idx').on(t.lastSeenAt)],
);

/**
 * Failed logins per key ('account:<hash of email>' or 'address:<salted hash of address>') in a fixed window,
 * kept in the database so every instance counts the same attempts.
 */
export const adminLoginThrottle = sqliteTable(
  'admin_login_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    windowStart: epochMs('window_start').notNull(),
  },
  (t) => [index('admin_login_throttle_window_idx').on(t.windowStart)],
);

export type AdminUser = typeof adminUsers.$inferSelect;
export type AdminSession = typeof adminSessions.$inferSelect;
