import { expect, test } from 'vitest';
import { testApp } from '../../../test/helpers.ts';
import { DEMO_ADMIN_EMAIL, ensureDemoAdmin } from './demo-admin.ts';
import { browser } from './testing.ts';
import { listUsers } from './users.ts';

test('npm start\'s demo admin: a new random password each start, or SHOPLOOP_DEMO_ADMIN_PASSWORD', async () => {
  const t = await testApp();
  const { login } = browser(t.app);
  const first = await ensureDemoAdmin(t.db, undefined, t.clock.now());
  expect(first).toMatchObject({ email: DEMO_ADMIN_EMAIL, generated: true });
  expect(first.password).toMatch(/^[\w-]{20}$/);
  expect((await login(DEMO_ADMIN_EMAIL, first.password)).status).toBe(200);

  const second = await ensureDemoAdmin(t.db, undefined, t.clock.now());
  expect(second.password).not.toBe(first.password);
  expect((await login(DEMO_ADMIN_EMAIL, first.password)).status).toBe(401);
  expect((await login(DEMO_ADMIN_EMAIL, second.password)).status).toBe(200);

  const fixed = await ensureDemoAdmin(t.db, 'the e2e password 2026', t.clock.now());
  expect(fixed).toEqual({ email: DEMO_ADMIN_EMAIL, password: 'the e2e password 2026', generated: false });
  expect((await login(DEMO_ADMIN_EMAIL, 'the e2e password 2026')).status).toBe(200);
  expect(await listUsers(t.db)).toHaveLength(1);

  await expect(ensureDemoAdmin(t.db, 'short', t.clock.now())).rejects.toThrow('SHOPLOOP_DEMO_ADMIN_PASSWORD: the password needs at least 12 characters');
});
