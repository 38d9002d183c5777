import { expect, test } from 'vitest';
import { batch, event, postCollect, testApp } from '../../test/helpers.ts';
import type { PersonFacts } from './facts.ts';
import { evaluate } from './evaluate.ts';
import { LifecycleMaintenance } from './maintenance.ts';
import { defaultLifecycleSettings, thresholdsOf } from './settings.ts';
import { simulateBgNbdHistories } from './models/index.ts';

const DAY = 86_400_000;

test('daily stage counts are stored per site and day; the last write of a day stands', async () => {
  const t = await testApp();
  await postCollect(t.app, batch([event('page_view')], { vid: 'a' }));
  await postCollect(t.app, batch([event('view_item', { items: [{ item_id: 'X' }] })], { vid: 'b' }));
  await t.scheduler.runDue();
  const m = new LifecycleMaintenance(t.db, t.clock);
  await m.snapshotDaily('site_test', t.clock.now());
  t.clock.advance(DAY);
  await t.scheduler.runDue(); // b's session ended: potential
  await m.snapshotDaily('site_test', t.clock.now());
  const rows = (await t.db.client.execute('SELECT day, stage, count FROM stage_daily ORDER BY day, stage')).rows.map((r) => `${String(r.day)} ${String(r.stage)} ${String(r.count)}`);
  expect(rows).toEqual(['2026-11-23 here_and_now 1', '2026-11-23 potential 1', '2026-11-24 potential 2']);
});

test('without enough repeat buyers the model is not fitted and says so; with them, P(alive) drives loyal vs dormant', async () => {
  const t = await testApp();
  const m = new LifecycleMaintenance(t.db, t.clock);
  const few = await m.refitIfDue('site_test', t.clock.now());
  expect(few?.bgNbd).toBeNull();
  expect(few?.note).toMatch(/not fitted: only 0 repeat buyers; need 30; loyal\/dormant use the 180-day recency rule/);
  expect(await m.refitIfDue('site_test', t.clock.now())).toBeUndefined(); // claimed until the next refit is due

  // 800 buyers from a known BG/NBD process (in days), stored as profiles
  const now = t.clock.now();
  const histories = simulateBgNbdHistories({ r: 0.5, alpha: 10, a: 0.8, b: 2.5 }, Array.from({ length: 800 }, (_, i) => 100 + (i % 200)), 7);
  let n = 0;
  const inserts = [];
  for (const h of histories) {
    const first = now - h.age * DAY;
    const orders = [{ id: 'o0', at: first, value: 20 }];
    for (let k = 1; k <= h.frequency; k++) orders.push({ id: `o${k}`, at: first + (h.frequency === 0 ? 0 : (h.recency * DAY * k) / h.frequency), value: 20 + k });
    const facts: PersonFacts = { firstSeenAt: first, lastEventAt: orders.at(-1)!.at, sessionId: 's', sessionInterest: false, cart: {}, checkoutOpen: false, cartChangedAt: null, orders, firstPurchaseAt: first, lastPurchaseAt: orders.at(-1)!.at, revenue: orders.reduce((a, o) => a + o.value, 0) };
    inserts.push({ sql: `INSERT INTO profiles (site_id, profile_id, stage, facts, updated_at) VALUES ('site_test', ?, 'potential', ?, ?)`, args: [`v:b${n++}`, JSON.stringify(facts), now] });
  }
  await t.db.write.run(inserts);
  t.clock.advance(DAY + 1);
  const fitted = await m.refitIfDue('site_test', t.clock.now());
  expect(fitted?.bgNbd).not.toBeNull();
  expect(fitted?.note).toMatch(/^BG\/NBD fitted on 800 buyers/);
  const pAlive = (await m.aliveProbability('site_test'))!;
  expect(pAlive).toBeTypeOf('function');
  // a buyer who bought weekly until yesterday is alive; one who bought twice a year ago and vanished is less so
  const base = { firstSeenAt: 0, lastEventAt: 0, sessionId: 's', sessionInterest: false, cart: {}, checkoutOpen: false, cartChangedAt: null, firstPurchaseAt: 0, lastPurchaseAt: 0, revenue: 0 };
  const at = t.clock.now();
  const regular = { ...base, orders: Array.from({ length: 10 }, (_, k) => ({ id: `r${k}`, at: at - (70 - 7 * k) * DAY, value: 1 })) };
  const gone = { ...base, orders: [{ id: 'g1', at: at - 400 * DAY, value: 1 }, { id: 'g2', at: at - 380 * DAY, value: 1 }] };
  expect(pAlive(regular, at)!).toBeGreaterThan(0.7);
  expect(pAlive(gone, at)!).toBeLessThan(0.5 * pAlive(regular, at)!);
  const t0 = { ...thresholdsOf(defaultLifecycleSettings), pAliveThreshold: (pAlive(gone, at)! + pAlive(regular, at)!) / 2 };
  expect(evaluate(regular, t0, at, pAlive)).toMatchObject({ stage: 'loyal', rule: 'repeat_buyer_alive' });
  expect(evaluate(gone, t0, at, pAlive)).toMatchObject({ stage: 'dormant', rule: 'repeat_buyer_not_alive' });
});
