import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createHttpServer } from '../../http/server.ts';
import { freshDb } from '../../../test/helpers.ts';
import { defaultThrottleLimits } from './login-throttle.ts';
import { EMAIL, PASSWORD } from './testing.ts';
import { addUser } from './users.ts';

/** The server as main.ts runs it, on a real port: the socket's address keys the throttle. */
async function listening() {
  const db = await freshDb();
  await addUser(db, EMAIL, PASSWORD, Date.now());
  const shoploop = createApp({ db, config: loadConfig({}), adminTokenHash: 'unused' });
  const server = createHttpServer(shoploop, '127.0.0.1');
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await shoploop.close();
  };
  return { base, close };
}

test('over real HTTP: log in, use the cookie, log out; failures from one address are throttled', async () => {
  const { base, close } = await listening();
  try {
    const login = (password: string, email = EMAIL) =>
      fetch(`${base}/admin/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    const res = await login(PASSWORD);
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).not.toContain('Secure'); // plain http
    const cookie = setCookie.split(';')[0]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    expect((await fetch(`${base}/admin/api/sites`, { headers: { cookie } })).status).toBe(200);
    const logout = await fetch(`${base}/admin/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(logout.status).toBe(204);
    expect((await fetch(`${base}/admin/api/sites`, { headers: { cookie } })).status).toBe(401);

    for (let i = 0; i < defaultThrottleLimits.perAddress; i++) await login('wrong wrong wrong', `u${i}@shop.example`);
    const blocked = await login(PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
  } finally {
    await close();
  }
}, 120_000);
