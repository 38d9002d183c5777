import type { Hono } from 'hono';
import type { Config } from '../../config.ts';
import { testApp } from '../../../test/helpers.ts';
import { addUser } from './users.ts';

export const EMAIL = 'ana@shop.example';
export const PASSWORD = 'correct horse battery';

/** The test app with one admin user, and helpers that talk to it as the admin app's browser would. */
export async function accountsFixture(overrides: Partial<Config> = {}) {
  const t = await testApp(overrides);
  await addUser(t.db, EMAIL, PASSWORD, t.clock.now());
  return { ...t, ...browser(t.app) };
}

export function browser(app: Hono) {
  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    app.request('/admin/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email, password }) });
  /** Logs in and returns the cookie header to send back, and the CSRF token. */
  const session = async (email = EMAIL, password = PASSWORD) => {
    const res = await login(email, password);
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie: cookiePair(res), csrfToken };
  };
  return { login, session };
}

/** `name=value` of the Set-Cookie header, as the browser sends it back. */
export function cookiePair(res: Response): string {
  const header = res.headers.get('set-cookie');
  if (!header) throw new Error('no Set-Cookie header');
  return header.split(';')[0]!;
}
