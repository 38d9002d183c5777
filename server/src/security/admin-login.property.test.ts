import fc from 'fast-check';
import { expect, test } from 'vitest';
import { testApp } from '../../test/helpers.ts';
import { addUser } from '../admin/accounts/users.ts';
import { hostileBody, hostileString } from './hostile-values.ts';
import { check, expectClearAnswer, expectHealthy, expectPrototypeUntouched, prototypeSnapshot, read, rowCounts } from './judge.ts';

// POST /admin/auth/login: the one admin route anybody may call (docs/security.md, "Admin").

const EMAIL = 'owner@shop.example';
const PASSWORD = 'a long enough password';

async function loginApp() {
  const t = await testApp();
  await addUser(t.db, EMAIL, PASSWORD, t.clock.now());
  const login = async (body: string, headers: Record<string, string> = {}) =>
    read(await t.app.request('/admin/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }));
  // the throttle's salt is made on the first attempt: make it now, so that a later refusal's only write is its count
  expect((await login(JSON.stringify({ email: 'nobody@shop.example', password: 'wrong password' }))).status).toBe(401);
  return { ...t, login };
}

/** Rows a refused login may write: its failed attempt in the throttle (that count is the defence itself). */
const withoutThrottle = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([name]) => name !== 'admin_login_throttle'));

test('hostile login bodies: a clear 4xx, no session, never a 5xx; only the right password logs in', async () => {
  const t = await loginApp();
  const proto = prototypeSnapshot();
  const statuses = new Set<number>();
  await check(hostileBody(() => ({ email: EMAIL, password: PASSWORD }), [['email'], ['password']]), async (body) => {
    t.clock.advance(16 * 60_000); // past the throttle's 15-minute window, so the password is what is judged
    const before = await rowCounts(t.db);
    const answer = await t.login(body);
    expectClearAnswer(answer, `login ${body.slice(0, 200)}`);
    statuses.add(answer.status);
    if (answer.status === 200) {
      // only a body that still names the account and its password (unknown keys are ignored)
      const sent = JSON.parse(body) as { email: unknown; password: unknown };
      expect(String(sent.email).trim().toLowerCase()).toBe(EMAIL);
      expect(sent.password).toBe(PASSWORD);
    } else {
      expect(answer.headers.get('set-cookie') ?? '', 'no session cookie on a refusal').not.toMatch(/sl_admin_session=slas_/);
      expect(withoutThrottle(await rowCounts(t.db)), `stored for ${answer.status}`).toEqual(withoutThrottle(before));
    }
    expectPrototypeUntouched(proto);
  }, 15);
  expect([...statuses].some((s) => s >= 400)).toBe(true);
  await expectHealthy(t.app);
});

test('a wrong password, an unknown account and injection-shaped emails get the same 401, then the throttle\'s 429', async () => {
  const t = await loginApp();
  const sessions = async () => Number((await t.db.client.execute('SELECT count(*) AS n FROM admin_sessions')).rows[0]!.n);
  await check(
    fc.record({ email: fc.oneof(fc.constant(EMAIL), hostileString.filter((s) => s.length >= 1 && s.length <= 320), fc.constantFrom(`${EMAIL}' --`, `${EMAIL}\u0000`, `' OR 1=1 --`, `${EMAIL.toUpperCase()} `)), password: hostileString.filter((s) => s.length >= 1 && s.length <= 1024 && s !== PASSWORD) }),
    async ({ email, password }) => {
      t.clock.advance(16 * 60_000);
      const answer = await t.login(JSON.stringify({ email, password }));
      expectClearAnswer(answer, `${email} / ${password}`.slice(0, 200));
      if (`${email}${password}`.includes('\u0000')) {
        expect(answer.status).toBe(400); // no body with U+0000 is read (http/nul-escape.ts)
        return;
      }
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual({ error: { code: 'invalid_credentials', message: 'wrong email or password' } });
    },
    8,
  );
  expect(await sessions()).toBe(0);
  t.clock.advance(16 * 60_000);
  // five wrong passwords for the account: the sixth try is throttled, the right password included
  for (let i = 0; i < 5; i++) expect((await t.login(JSON.stringify({ email: EMAIL, password: `wrong ${i} password` }))).status).toBe(401);
  const throttled = await t.login(JSON.stringify({ email: EMAIL, password: PASSWORD }));
  expectClearAnswer(throttled, 'throttled');
  expect(throttled.status).toBe(429);
  expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(await sessions()).toBe(0);
});

test('a login posted by another site\'s page is refused (Sec-Fetch-Site), whatever it sends', async () => {
  const t = await loginApp();
  for (const site of ['cross-site', 'same-site']) {
    const answer = await t.login(JSON.stringify({ email: EMAIL, password: PASSWORD }), { 'sec-fetch-site': site });
    expectClearAnswer(answer, site);
    expect(answer.status).toBe(403);
    expect(answer.headers.get('set-cookie') ?? '').not.toMatch(/slas_/);
  }
  expect((await t.login(JSON.stringify({ email: EMAIL, password: PASSWORD }), { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
});
