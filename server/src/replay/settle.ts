import type { Db } from '../db/client.ts';
import type { ShoploopApp } from '../app.ts';
import { aliveProbabilityOf, fitSiteModels, type SiteModel } from '../lifecycle/buyer-models.ts';
import { LifecycleScheduler } from '../lifecycle/scheduler.ts';

/**
 * The replay's last step, with the clock at its final moment: buyer models refitted on every order, then each
 * buyer of the site evaluated again against them, so loyal and dormant reflect P(alive) as of now and a
 * server started afterwards agrees with the stages the replay reports. The app's own scheduler keeps the
 * model it read a moment ago for a minute of clock time, so this look uses a scheduler given the new model.
 */
export async function settleBuyers(db: Db, deps: ShoploopApp['deps'], siteId: string): Promise<{ model: SiteModel; evaluated: number }> {
  const now = deps.clock.now();
  const model = await fitSiteModels(db, siteId, now);
  const alive = model.bgNbd ? aliveProbabilityOf(model.bgNbd) : undefined;
  const scheduler = new LifecycleScheduler(db, deps.clock, {
    aliveProbability: async (id) => (id === siteId ? alive : deps.maintenance.aliveProbability(id)),
  });
  await db.client.execute({
    sql: `UPDATE profiles SET due_at = ? WHERE site_id = ? AND facts LIKE '%"orders":[{%'`,
    args: [now, siteId],
  });
  let evaluated = 0;
  for (;;) {
    const round = await scheduler.runDue();
    evaluated += round.evaluated;
    if (round.evaluated === 0) break;
  }
  await deps.maintenance.snapshotDaily(siteId, now);
  return { model, evaluated };
}
