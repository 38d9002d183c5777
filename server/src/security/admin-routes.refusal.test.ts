import fc from 'fast-check';
import { expect, test } from 'vitest';
import { ADMIN_TOKEN, batch, event, postCollect, testApp } from '../../test/helpers.ts';
import { addUser } from '../admin/accounts/users.ts';
import { check, expectClearAnswer, read, rowCounts } from './judge.ts';

/**
 * Every /admin/api route refuses a request without the bearer token or a live session. The routes are read
 * from the Hono app itself, so a route added later is covered without touching this file.
 */

const EMAIL = 'owner@shop.example';
const PASSWORD = 'a long enough password';

/** Every method and path the app serves under /admin/api, with path parameters filled in. */
function adminApiRoutes(app: { routes: Array<{ method: string; path: string }> }) {
  const seen = new Set<string>();
  const routes: Array<{ method: string; path: string; pattern: string }> = [];
  for (const r of app.routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/admin/api/')) continue;
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const path = r.path.replace(/:(\w+)(\{[^}]*\})?\??/g, (_, name: string) => (/site/i.test(name) ? 'site_test' : name === 'customerId' ? 'c1' : 'x1'));
    routes.push({ method: r.method, path, pattern: r.path });
  }
  return routes;
}

/** The test app with a visitor, a customer and an admin user, so that a route that got through would find something. */
async function adminApp() {
  const t = await testApp();
  await addUser(t.db, EMAIL, PASSWORD, t.clock.now());
  const res = await postCollect(t.app, batch([event('identify', { customer_id: 'c1' }), event('purchase', { transaction_id: 'T1', value: 5, currency: 'GBP', items: [{ item_id: 'SKU-1' }] })]));
  expect(res.status).toBe(200);
  await t.scheduler.runDue();
  return t;
}

const request = (app: { request: (p: string, i: RequestInit) => Response | Promise<Response> }, method: string, path: string, headers: Record<string, string>) =>
  app.request(path, { method, headers: { 'content-type': 'application/json', ...headers }, ...(method === 'GET' || method === 'HEAD' ? {} : { body: '{}' }) });

const forged: Array<[string, Record<string, string>]> = [
  ['no credentials', {}],
  ['a wrong token', { authorization: 'Bearer not-the-token' }],
  ['the token without "Bearer"', { authorization: ADMIN_TOKEN }],
  ['Basic with the token', { authorization: `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}` }],
  ['the token with something after it', { authorization: `Bearer ${ADMIN_TOKEN} x` }],
  ['the token with a character more', { authorization: `Bearer ${ADMIN_TOKEN}x` }],
  ['an empty bearer', { authorization: 'Bearer ' }],
  ['a made-up session cookie', { cookie: `sl_admin_session=slas_${'a'.repeat(40)}` }],
  ['a session cookie of another shape', { cookie: 'sl_admin_session=../../etc/passwd' }],
  ['a wrong token beside a made-up cookie', { authorization: 'Bearer nope', cookie: `sl_admin_session=slas_${'b'.repeat(40)}` }],
  ['the token in the query only', {}],
];

test('the app has the admin routes this test expects to enumerate (so an empty list cannot pass)', async () => {
  const t = await testApp();
  const routes = adminApiRoutes(t.app);
  expect(routes.length).toBeGreaterThanOrEqual(20);
  for (const known of ['GET /admin/api/sites', 'DELETE /admin/api/customers/:customerId', 'PUT /admin/api/sites/:siteId/settings', 'POST /admin/api/reviews/:id/publish']) {
    expect(routes.map((r) => `${r.method} ${r.pattern}`)).toContain(known);
  }
});

test('every /admin/api route refuses every forged or missing credential with a 401, and changes nothing', async () => {
  const t = await adminApp();
  const routes = adminApiRoutes(t.app);
  const before = await rowCounts(t.db);
  for (const { method, path } of routes) {
    for (const [name, headers] of forged) {
      const target = name === 'the token in the query only' ? `${path}${path.includes('?') ? '&' : '?'}token=${ADMIN_TOKEN}` : path;
      const answer = await read(await request(t.app, method, target, headers));
      expectClearAnswer(answer, `${method} ${target} with ${name}`);
      expect(answer.status, `${method} ${target} with ${name}: ${answer.text}`).toBe(401);
      expect(answer.text).not.toMatch(/site_test|pk_test|c1"/);
    }
  }
  expect(await rowCounts(t.db)).toEqual(before);
  // the same routes do answer the token: the refusals above are the guard's, not a missing route's
  const authorized: string[] = [];
  for (const { method, path } of routes) authorized.push(`${(await request(t.app, method, path, { authorization: `Bearer ${ADMIN_TOKEN}` })).status} ${method} ${path}`);
  expect(authorized.filter((s) => s.startsWith('401') || s.startsWith('5'))).toEqual([]);
});

test('a session cookie opens reads; writes need its CSRF token; a logged-out or expired session opens nothing', async () => {
  const t = await adminApp();
  const routes = adminApiRoutes(t.app);
  const login = await t.app.request('/admin/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const before = await rowCounts(t.db);
  for (const { method, path } of routes.filter((r) => r.method !== 'GET')) {
    for (const csrf of [undefined, 'wrong', csrfToken.slice(0, -1)]) {
      const answer = await read(await request(t.app, method, path, { cookie, ...(csrf === undefined ? {} : { 'x-csrf-token': csrf }) }));
      expectClearAnswer(answer, `${method} ${path} csrf ${csrf}`);
      expect(answer.status, `${method} ${path} csrf ${csrf}: ${answer.text}`).toBe(403);
      expect((answer.json as { error: { code: string } }).error.code).toBe('csrf');
    }
  }
  expect((await request(t.app, 'GET', '/admin/api/sites', { cookie })).status).toBe(200);
  // idle for longer than the session's idle expiry (60 minutes by default): every route refuses it
  t.clock.advance(61 * 60_000);
  for (const { method, path } of routes) {
    const answer = await read(await request(t.app, method, path, { cookie, 'x-csrf-token': csrfToken }));
    expect(answer.status, `${method} ${path} after the idle expiry`).toBe(401);
  }
  const after = await rowCounts(t.db);
  for (const table of Object.keys(before).filter((n) => !n.startsWith('admin_'))) expect(after[table], table).toBe(before[table]);
});

test('path tricks do not reach an admin route around the guard', async () => {
  const t = await adminApp();
  const variants = fc.constantFrom(
    '/admin/api/sites',
    '/admin/api//sites',
    '/admin//api/sites',
    '/admin/api/./sites',
    '/admin/api/x/../sites',
    '/admin/api/%2e%2e/api/sites',
    '/admin/api/sites/',
    '/admin/api/sites%2F',
    '/admin/api/sites%00',
    '/Admin/api/sites',
    '/admin/API/sites',
    '/admin/api/sites?x=/admin/auth/login',
    '/v1/../admin/api/sites',
    '/v1/%2e%2e/admin/api/sites',
    '/admin/auth/../api/sites',
    '/admin/api/customers/c1',
    '/admin/api/customers/c1%2F..%2F..%2Fsites',
    '/admin/api/visitors/v1',
  );
  await check(fc.tuple(variants, fc.constantFrom('GET', 'DELETE', 'POST', 'PUT')), async ([path, method]) => {
    const answer = await read(await request(t.app, method, path, {}));
    expectClearAnswer(answer, `${method} ${path}`);
    expect([401, 404], `${method} ${path}: ${answer.text}`).toContain(answer.status);
  }, 60);
  expect(Number((await t.db.client.execute('SELECT count(*) AS n FROM events')).rows[0]!.n)).toBe(2);
});
