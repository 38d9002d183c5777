import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { onTestFinished } from 'vitest';
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

// Through `npx tsx server/src/cli/index.ts`, as an owner runs `npm run shoploop -- …` (stdin a pipe, not a TTY).
const repoRoot = new URL('../../../../', import.meta.url).pathname;

export function shoploopCli(dbUrl: string, args: string[], { stdin, env = {} }: { stdin?: string; env?: NodeJS.ProcessEnv } = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'server/src/cli/index.ts', ...args], { cwd: repoRoot, env: { ...process.env, SHOPLOOP_DB_URL: dbUrl, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** A migrated database file for a test, and its URL (the CLI opens it too). */
export function dbFileUrl(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shoploop-accounts-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return `file:${join(dir, 'admin.db')}`;
}
