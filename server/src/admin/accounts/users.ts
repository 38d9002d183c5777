import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { adminPasswordTokens, adminSessions, adminUsers, type AdminUser } from '../../db/schema/admin-accounts.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { randomId } from '../../sites/keys.ts';
import { hashPassword } from './password.ts';

export interface AdminUserSummary {
  email: string;
  createdAt: number;
  passwordSet: boolean;
  sessions: number;
}

export function findUserByEmail(db: Db, email: string): Promise<AdminUser | undefined> {
  return db.orm.query.adminUsers.findFirst({ where: eq(adminUsers.email, email) });
}

/** A new admin; `password` null leaves it to a set-password link. 409 when the email is taken. */
export async function addUser(db: Db, email: string, password: string | null, now: number): Promise<AdminUser> {
  if (await findUserByEmail(db, email)) throw conflict(`an admin user ${email} exists already`);
  const user: AdminUser = {
    id: randomId('au_'),
    email,
    passwordHash: password === null ? null : await hashPassword(password),
    createdAt: now,
    passwordSetAt: password === null ? null : now,
  };
  const inserted = await db.orm.insert(adminUsers).values(user).onConflictDoNothing().returning();
  if (!inserted.length) throw conflict(`an admin user ${email} exists already`);
  return user;
}

export async function setPassword(db: Db, userId: string, password: string, now: number): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.orm.update(adminUsers).set({ passwordHash, passwordSetAt: now }).where(eq(adminUsers.id, userId));
}

export async function listUsers(db: Db): Promise<AdminUserSummary[]> {
  const rows = await db.orm
    .select({
      email: adminUsers.email,
      createdAt: adminUsers.createdAt,
      passwordSetAt: adminUsers.passwordSetAt,
      sessions: sql<number>`(SELECT count(*) FROM ${adminSessions} WHERE ${adminSessions.userId} = ${adminUsers.id})`,
    })
    .from(adminUsers)
    .orderBy(asc(adminUsers.email));
  return rows.map((r) => ({ email: r.email, createdAt: r.createdAt, passwordSet: r.passwordSetAt !== null, sessions: Number(r.sessions) }));
}

/**
 * Removes the user with their sessions and set-password links, in one batch: their next request, on any
 * instance, finds no session row and is refused. 404 when there is no such user.
 */
export async function removeUser(db: Db, email: string): Promise<{ sessions: number }> {
  const user = await findUserByEmail(db, email);
  if (!user) throw notFound(`no admin user ${email}`);
  const [sessions] = await db.orm.batch([
    db.orm.delete(adminSessions).where(eq(adminSessions.userId, user.id)).returning({ tokenHash: adminSessions.tokenHash }),
    db.orm.delete(adminPasswordTokens).where(eq(adminPasswordTokens.userId, user.id)),
    db.orm.delete(adminUsers).where(eq(adminUsers.id, user.id)),
  ]);
  return { sessions: sessions.length };
}
