import { Hono, type MiddlewareHandler } from 'hono';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { adminUsers } from '../../db/schema/admin-accounts.ts';
import { callerAddress } from '../../http/caller-key.ts';
import { ApiError, badRequest, rateLimited, unauthorized } from '../../http/errors.ts';
import { parseJsonBody } from '../../http/parse-json-body.ts';
import { csrfRefused } from './admin-access.ts';
import { csrfMatches, isSafeMethod } from './csrf.ts';
import { normalizeEmail } from './email.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { decoyHash, passwordSchema, verifyPassword } from './password.ts';
import { clearSessionCookie, sessionToken, setSessionCookie } from './session-cookie.ts';
import type { SessionStore } from './sessions.ts';
import { consumeSetPasswordToken } from './set-password-tokens.ts';
import { findUserByEmail, setPassword } from './users.ts';

const MAX_BODY = 8 * 1024;

// Bounded, but not checked for form: a malformed email is just an unknown account, with the same answer.
const loginSchema = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) });
const setPasswordSchema = z.object({ token: z.string().min(1).max(100), password: passwordSchema });

const invalidCredentials = () => new ApiError(401, 'invalid_credentials', 'wrong email or password');

// A form on another site can post here without a preflight: browsers say where a request came from in
// Sec-Fetch-Site, and only the admin app's own pages (or a script with no browser: no header) may log in.
const sameOriginOnly: MiddlewareHandler = async (c, next) => {
  const site = c.req.header('sec-fetch-site');
  if (!isSafeMethod(c.req.method) && site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new ApiError(403, 'csrf', 'admin logins are accepted only from the admin app itself');
  }
  await next();
};

/** /admin/auth: log in and out, the session the admin app runs on, and the one-time set-password link. */
export function adminAuthRoutes(deps: AppDeps, sessions: SessionStore, throttle: LoginThrottle) {
  const { db, clock, config } = deps;
  const absoluteMs = config.adminSession.hours * 3_600_000;
  return (
    new Hono()
      .use('*', sameOriginOnly)
      // POST /admin/auth/login — { email, password } → the session cookie and the CSRF token
      .post('/login', async (c) => {
        const body = await parseJsonBody(c, loginSchema, MAX_BODY);
        const email = normalizeEmail(body.email);
        const now = clock.now();
        const keys = await throttle.keys(email, callerAddress(c, config.trustProxy));
        const wait = await throttle.attempt(keys, now);
        if (wait > 0) throw rateLimited('too many failed logins: try again later', wait);
        const user = await findUserByEmail(db, email);
        // the same work and the same answer whether the account is unknown, has no password yet, or the password is wrong
        const matches = await verifyPassword(body.password, user?.passwordHash ?? (await decoyHash()));
        if (!user?.passwordHash || !matches) throw invalidCredentials(); // counted already, by attempt()
        await throttle.succeed(keys);
        const session = await sessions.create(user.id, user.email, now);
        setSessionCookie(c, session.token, absoluteMs, config.trustProxy);
        return c.json({ user: { email: user.email }, csrfToken: session.csrfToken });
      })
      // GET /admin/auth/session — who is logged in, with the CSRF token the app sends on writes
      .get('/session', async (c) => {
        const token = sessionToken(c);
        const session = token ? await sessions.read(token, clock.now()) : null;
        if (!session) {
          if (token) clearSessionCookie(c, config.trustProxy);
          throw unauthorized('not logged in');
        }
        return c.json({ user: { email: session.user.email }, csrfToken: session.csrfToken });
      })
      // POST /admin/auth/logout — ends the session at once (the row is gone for every instance)
      .post('/logout', async (c) => {
        const token = sessionToken(c);
        const session = token ? await sessions.read(token, clock.now()) : null;
        if (token && session) {
          if (!csrfMatches(token, c.req.header('x-csrf-token'))) throw csrfRefused();
          await sessions.end(token);
        }
        clearSessionCookie(c, config.trustProxy);
        return c.body(null, 204);
      })
      // POST /admin/auth/set-password — { token, password }: spends a one-time link; every other session of the user ends
      .post('/set-password', async (c) => {
        const body = await parseJsonBody(c, setPasswordSchema, MAX_BODY);
        const now = clock.now();
        const userId = await consumeSetPasswordToken(db, body.token, now);
        if (!userId) throw badRequest('this set-password link is not valid: it was used already or has expired (for a new one: npm run shoploop -- admin user remove EMAIL, then admin user add EMAIL)');
        await setPassword(db, userId, body.password, now);
        await sessions.endAllOf(userId);
        const user = await db.orm.query.adminUsers.findFirst({ where: eq(adminUsers.id, userId) });
        return c.json({ user: { email: user!.email } });
      })
  );
}
