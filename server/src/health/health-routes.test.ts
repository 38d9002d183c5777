import Database from 'libsql';
import { expect, test } from 'vitest';
import { batch, event, postCollect, testApp } from '../../test/helpers.ts';

// The route over a real database file, locked by another connection as another process would lock it.
test('GET /healthz: 200 while the database can be written; 503 with the reason while another connection holds the write lock', async () => {
  const t = await testApp();
  expect(await (await t.app.request('/healthz')).json()).toEqual({ ok: true });

  const other = new Database(t.db.url.slice('file:'.length), { timeout: 5000 });
  other.exec('BEGIN EXCLUSIVE');
  try {
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, database: { reason: expect.stringMatching(/write lock could not be taken.*locked/) } });
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
  expect((await t.app.request('/healthz')).status).toBe(200);
});

test('a collector write that fails (the lock held past busy_timeout): 503 with Retry-After, and /healthz says why', { timeout: 30_000 }, async () => {
  const t = await testApp();
  const other = new Database(t.db.url.slice('file:'.length), { timeout: 5000 });
  other.exec('BEGIN EXCLUSIVE');
  try {
    const refused = await postCollect(t.app, batch([event('page_view')]));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.json()).toMatchObject({ error: { code: 'unavailable' } });
    const health = await t.app.request('/healthz');
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, database: { reason: expect.stringMatching(/^writes fail: .*locked/), since: expect.any(String) } });
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
  expect(Number((await t.db.client.execute('SELECT count(*) AS n FROM events')).rows[0]!.n)).toBe(0);
});
