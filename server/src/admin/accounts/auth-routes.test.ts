import { describe, expect, test } from 'vitest';
import { testApp } from '../../../test/helpers.ts';
import { accountsFixture, browser, cookiePair, EMAIL, PASSWORD } from './testing.ts';
import { addUser, removeUser } from './users.ts';
import { defaultThrottleLimits } from './login-throttle.ts';

const MINUTE = 60_000;

describe('POST /admin/auth/login', () => {
  test('the right password opens a session: HttpOnly, SameSite=Strict cookie on /admin, and a CSRF token', async () => {
    const t = await accountsFixture();
    const res = await t.login('  Ana@Shop.Example ', PASSWORD);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: { email: string }; csrfToken: string };
    expect(body.user).toEqual({ email: EMAIL });
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^sl_admin_session=slas_[0-9a-z]{40};/);
    expect(cookie).toContain('Path=/admin');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Max-Age=43200');
    expect(cookie).not.toContain('Secure');

    const session = await t.app.request('/admin/auth/session', { headers: { cookie: cookiePair(res) } });
    expect(await session.json()).toEqual({ user: { email: EMAIL }, csrfToken: body.csrfToken });
    const api = await t.app.request('/admin/api/sites', { headers: { cookie: cookiePair(res) } });
    expect(api.status).toBe(200);
  });

  test('a wrong password, an unknown email and an account without a password get the same answer', async () => {
    const t = await accountsFixture();
    await addUser(t.db, 'new@shop.example', null, t.clock.now());
    const answers = [];
    for (const [email, password] of [[EMAIL, 'wrong password!!'], ['nobody@shop.example', PASSWORD], ['new@shop.example', PASSWORD], ['not an email', PASSWORD]] as const) {
      const res = await t.login(email, password);
      answers.push({ status: res.status, body: await res.json(), cookie: res.headers.get('set-cookie') });
    }
    expect(answers[0]).toEqual({ status: 401, body: { error: { code: 'invalid_credentials', message: 'wrong email or password' } }, cookie: null });
    for (const answer of answers) expect(answer).toEqual(answers[0]);
  });

  test('bad bodies are a 400 and open nothing', async () => {
    const t = await accountsFixture();
    for (const body of ['{', '{"email":"a@b.c"}', JSON.stringify({ email: EMAIL, password: 'x'.repeat(1025) }), JSON.stringify({ email: 1, password: PASSWORD })]) {
      const res = await t.app.request('/admin/auth/login', { method: 'POST', body });
      expect(res.status).toBe(400);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  test('a login posted by another site (Sec-Fetch-Site: cross-site) is refused', async () => {
    const t = await accountsFixture();
    const res = await t.login(EMAIL, PASSWORD, { 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect((await t.login(EMAIL, PASSWORD, { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });
});

// each failed login costs a real scrypt hash: seconds per test on a busy machine
describe('login throttling (kept in the database)', { timeout: 90_000 }, () => {
  test('per account: after 5 failures even the right password waits, with Retry-After, on every instance', async () => {
    const t = await accountsFixture({ trustProxy: 1 });
    for (let i = 0; i < defaultThrottleLimits.perAccount; i++) {
      expect((await t.login(EMAIL, `wrong password ${i}`, { 'x-forwarded-for': `203.0.113.${i}` })).status).toBe(401);
    }
    const blocked = await t.login(EMAIL, PASSWORD, { 'x-forwarded-for': '198.51.100.1' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBe(15 * 60);
    expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // another app on the same database (another instance) sees the same count
    const { createApp } = await import('../../app.ts');
    const other = createApp({ db: t.db, clock: t.clock, config: t.config, adminTokenHash: 'unused' });
    expect((await browser(other.app).login(EMAIL, PASSWORD)).status).toBe(429);
    await other.close();
    // another account is not affected
    await addUser(t.db, 'bo@shop.example', PASSWORD, t.clock.now());
    expect((await t.login('bo@shop.example', PASSWORD, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(200);

    t.clock.advance(10 * MINUTE);
    const later = await t.login(EMAIL, PASSWORD);
    expect(Number(later.headers.get('retry-after'))).toBe(5 * 60);
    t.clock.advance(5 * MINUTE);
    expect((await t.login(EMAIL, PASSWORD)).status).toBe(200);
  });

  test('per address: 20 failures over many accounts block that address only', async () => {
    const t = await accountsFixture({ trustProxy: 1 });
    const attacker = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < defaultThrottleLimits.perAddress; i++) {
      expect((await t.login(`user${i}@shop.example`, 'guess guess guess', attacker)).status).toBe(401);
    }
    const blocked = await t.login(EMAIL, PASSWORD, attacker);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await t.login(EMAIL, PASSWORD, { 'x-forwarded-for': '203.0.113.8' })).status).toBe(200);
  });

  test('a burst of parallel guesses gets no more tries than one at a time', async () => {
    const t = await accountsFixture({ trustProxy: 1 });
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => t.login(EMAIL, `parallel guess ${i}`, { 'x-forwarded-for': `203.0.113.${i}` })),
    );
    const statuses = answers.map((a) => a.status);
    // each attempt is counted before its password is hashed: at most the limit are ever checked (a burst that
    // arrives at once may find the count over the limit for all of them), the rest wait
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(defaultThrottleLimits.perAccount);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(12 - defaultThrottleLimits.perAccount);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });

  test('a successful login clears the account\'s failures', async () => {
    const t = await accountsFixture();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < defaultThrottleLimits.perAccount - 1; i++) expect((await t.login(EMAIL, 'wrong password!!')).status).toBe(401);
      expect((await t.login(EMAIL, PASSWORD)).status).toBe(200);
    }
  });
});

describe('sessions', () => {
  test('end after 60 idle minutes; use keeps them alive', async () => {
    const t = await accountsFixture();
    const { cookie } = await t.session();
    const sites = async () => (await t.app.request('/admin/api/sites', { headers: { cookie } })).status;
    for (let i = 0; i < 4; i++) {
      t.clock.advance(59 * MINUTE);
      expect(await sites()).toBe(200);
    }
    t.clock.advance(60 * MINUTE);
    expect(await sites()).toBe(401);
    t.clock.advance(-60 * MINUTE); // the row is gone, not just too old
    expect(await sites()).toBe(401);
  });

  test('end 12 hours after login however busy', async () => {
    const t = await accountsFixture({ adminSession: { idleMinutes: 60, hours: 12 } });
    const { cookie } = await t.session();
    const session = async () => (await t.app.request('/admin/auth/session', { headers: { cookie } })).status;
    for (let minutes = 30; minutes < 12 * 60; minutes += 30) {
      t.clock.advance(30 * MINUTE);
      expect(await session()).toBe(200);
    }
    t.clock.advance(30 * MINUTE);
    expect(await session()).toBe(401);
  });

  test('logout needs the CSRF token, then ends the session at once and clears the cookie', async () => {
    const t = await accountsFixture();
    const { cookie, csrfToken } = await t.session();
    const logout = (headers: Record<string, string>) => t.app.request('/admin/auth/logout', { method: 'POST', headers: { cookie, ...headers } });
    expect((await logout({})).status).toBe(403);
    expect((await logout({ 'x-csrf-token': 'x'.repeat(43) })).status).toBe(403);
    expect((await t.app.request('/admin/api/sites', { headers: { cookie } })).status).toBe(200);
    const res = await logout({ 'x-csrf-token': csrfToken });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^sl_admin_session=;.*Max-Age=0/);
    expect((await t.app.request('/admin/api/sites', { headers: { cookie } })).status).toBe(401);
    expect((await t.app.request('/admin/auth/session', { headers: { cookie } })).status).toBe(401);
  });

  test('removing the user ends their sessions at once', async () => {
    const t = await accountsFixture();
    const first = await t.session();
    const second = await t.session();
    await removeUser(t.db, EMAIL);
    for (const { cookie } of [first, second]) expect((await t.app.request('/admin/api/sites', { headers: { cookie } })).status).toBe(401);
    expect((await t.login(EMAIL, PASSWORD)).status).toBe(401);
  });

  test('a forged or missing cookie is a 401', async () => {
    const t = await accountsFixture();
    for (const cookie of ['', 'sl_admin_session=slas_' + '0'.repeat(40), 'sl_admin_session=nonsense']) {
      expect((await t.app.request('/admin/api/sites', { headers: { cookie } })).status).toBe(401);
    }
  });
});

describe('CSRF on /admin/api', () => {
  const PATH = '/admin/api/sites/site_test/settings';
  test('a cookie-authenticated change without the right x-csrf-token is a 403 and changes nothing', async () => {
    const t = await accountsFixture();
    const { cookie, csrfToken } = await t.session();
    const read = async () => ((await (await t.app.request(PATH, { headers: { cookie } })).json()) as { lifecycle: { atRiskDays: number } }).lifecycle.atRiskDays;
    const before = await read();
    const put = (atRiskDays: number, headers: Record<string, string>) =>
      t.app.request(PATH, { method: 'PUT', headers: { cookie, 'content-type': 'application/json', ...headers }, body: JSON.stringify({ lifecycle: { atRiskDays } }) });
    for (const headers of [{}, { 'x-csrf-token': '' }, { 'x-csrf-token': csrfToken.slice(1) + 'A' }] as Array<Record<string, string>>) {
      const res = await put(before + 1, headers);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf');
    }
    // another session's token is not this one's
    const other = await t.session();
    expect((await put(before + 1, { 'x-csrf-token': other.csrfToken })).status).toBe(403);
    expect(await read()).toBe(before);

    expect((await put(before + 1, { 'x-csrf-token': csrfToken })).status).toBe(200);
    expect(await read()).toBe(before + 1);
  });

  test('the bearer token needs no CSRF token; a wrong one is a 401 even with a session cookie', async () => {
    const t = await accountsFixture();
    const { cookie } = await t.session();
    const put = (authorization: string) =>
      t.app.request(PATH, { method: 'PUT', headers: { authorization, cookie, 'content-type': 'application/json' }, body: JSON.stringify({ lifecycle: { atRiskDays: 9 } }) });
    expect((await put('Bearer test-admin-token')).status).toBe(200);
    expect((await put('Bearer wrong')).status).toBe(401);
    expect((await put('Basic dGVzdA==')).status).toBe(401);
  });
});

describe('secure headers', () => {
  const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  test('on /admin, /admin/auth/* and /admin/api/*, answers and errors alike', async () => {
    const t = await accountsFixture();
    const requests: Array<[string, RequestInit?]> = [
      ['/admin'],
      ['/admin/'],
      ['/admin/auth/session'],
      ['/admin/auth/login', { method: 'POST', body: JSON.stringify({ email: EMAIL, password: PASSWORD }) }],
      ['/admin/auth/login', { method: 'POST', body: '{' }],
      ['/admin/api/sites'],
      ['/admin/api/sites', { headers: { authorization: 'Bearer test-admin-token' } }],
      ['/admin/api/no-such-thing', { headers: { authorization: 'Bearer test-admin-token' } }],
    ];
    for (const [path, init] of requests) {
      const res = await t.app.request(path, init);
      expect(res.headers.get('content-security-policy'), path).toBe(CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  test('over https (behind a trusted proxy) the cookie is Secure and HSTS is sent; a forged proto is ignored without one', async () => {
    const proxied = await accountsFixture({ trustProxy: 1 });
    const https = await proxied.login(EMAIL, PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(https.headers.get('set-cookie')).toContain('; Secure');
    expect(https.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const http = await proxied.login(EMAIL, PASSWORD, { 'x-forwarded-proto': 'http' });
    expect(http.headers.get('set-cookie')).not.toContain('Secure');

    const direct = await accountsFixture({ trustProxy: 0 });
    const forged = await direct.login(EMAIL, PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(forged.headers.get('set-cookie')).not.toContain('Secure');
    const real = await direct.app.request('https://admin.example/admin/auth/login', { method: 'POST', body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
    expect(real.headers.get('set-cookie')).toContain('; Secure');
  });

  test('other routes keep their own headers (the collector is not framed by the admin CSP)', async () => {
    const t = await testApp();
    expect((await t.app.request('/healthz')).headers.get('content-security-policy')).toBeNull();
  });
});
