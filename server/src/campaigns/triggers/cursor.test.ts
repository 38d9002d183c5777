import { expect, test } from 'vitest';
import { testApp } from '../../../test/helpers.ts';
import { withCursor } from './cursor.ts';

test('a cursor runs once per period across instances, starts where it is told, and a dead claim is taken over', async () => {
  const { db, site } = await testApp();
  const runs: number[] = [];
  const work = (label: number) => async (position: number) => {
    runs.push(label * 1000 + position);
    await new Promise((r) => setTimeout(r, 20));
    return position + 1;
  };
  const options = { everyMs: 60_000, claimMs: 5_000, start: async () => 7 };
  // two instances at the same moment: one runs
  const both = await Promise.all([withCursor(db, site.id, 'c', 1_000, options, work(1)), withCursor(db, site.id, 'c', 1_000, options, work(2))]);
  expect(both.filter(Boolean)).toHaveLength(1);
  expect(runs).toHaveLength(1);
  expect(runs[0]! % 1000).toBe(7);
  // not again before its period is over, then from where it stopped
  expect(await withCursor(db, site.id, 'c', 30_000, options, work(1))).toBe(false);
  expect(await withCursor(db, site.id, 'c', 61_000, options, work(1))).toBe(true);
  expect(runs.at(-1)! % 1000).toBe(8);
  // an instance that died holding the claim: another takes over once the claim ran out
  await db.write.run([{ sql: "UPDATE campaign_cursors SET claim_until = 130000, run_at = NULL WHERE name = 'c'", args: [] }]);
  expect(await withCursor(db, site.id, 'c', 125_000, options, work(1))).toBe(false);
  expect(await withCursor(db, site.id, 'c', 131_000, options, work(2))).toBe(true);
  expect(runs.at(-1)).toBe(2009);
});
