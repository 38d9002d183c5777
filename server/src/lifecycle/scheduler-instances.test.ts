import { expect, test } from 'vitest';
import { ManualClock } from '../clock.ts';
import { openMigratedDb } from '../db/client.ts';
import { batch, event, postCollect, testApp } from '../../test/helpers.ts';
import { LifecycleScheduler } from './scheduler.ts';

test('two instances on one database share due work and never evaluate anyone twice', async () => {
  const t = await testApp();
  for (let i = 0; i < 300; i++) await postCollect(t.app, batch([event('view_item', { items: [{ item_id: `SKU-${i}` }] })], { vid: `v${i}` }));
  // a second instance: its own connection to the same file, its own scheduler
  const otherDb = await openMigratedDb(t.db.url);
  const clock = new ManualClock(t.clock.now());
  const a = new LifecycleScheduler(t.db, t.clock, { batchSize: 25 });
  const b = new LifecycleScheduler(otherDb, clock, { batchSize: 25 });
  const [ra, rb] = await Promise.all([a.runDue(), b.runDue()]);
  otherDb.close();
  expect(ra.evaluated + rb.evaluated).toBe(300);
  expect(ra.evaluated).toBeGreaterThan(0);
  expect(rb.evaluated).toBeGreaterThan(0);
  const firsts = await t.db.client.execute(`SELECT count(*) AS n, count(DISTINCT profile_id) AS d FROM stage_transitions`);
  expect(firsts.rows[0]).toMatchObject({ n: 300, d: 300 });
});

test('a claim left by a crashed instance is taken over once its lease expires', async () => {
  const t = await testApp();
  await postCollect(t.app, batch([event('page_view')], { vid: 'v1' }));
  // an instance claims and dies before writing
  await t.db.client.execute({ sql: 'UPDATE profiles SET claim_until = ?', args: [t.clock.now() + 30_000] });
  expect((await t.scheduler.runDue()).evaluated).toBe(0);
  t.clock.advance(30_001);
  expect((await t.scheduler.runDue()).evaluated).toBe(1);
});
