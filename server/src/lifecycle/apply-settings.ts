import type { Db } from '../db/client.ts';
import type { LifecycleSettings } from './settings.ts';
import { readLifecycleSettings, writeLifecycleSettings } from './site-lifecycle-config.ts';
import { mergeSettings, type LifecycleSettingsPatch } from './read/settings-patch.ts';

/**
 * Stores a site's changed lifecycle settings, then makes every person of the site due now, so the
 * scheduler's next round applies the new thresholds to everyone, without a restart or a new event.
 * (The one write of the admin lifecycle API; it sits beside the reads it answers with.)
 */
export async function applyLifecycleSettings(db: Db, siteId: string, patch: LifecycleSettingsPatch, now: number): Promise<LifecycleSettings> {
  const settings = mergeSettings(await readLifecycleSettings(db, siteId), patch);
  await writeLifecycleSettings(db, siteId, settings, now);
  // touched + 1, as an event does: an evaluation already running with the old settings then keeps the due mark
  await db.write.run([{ sql: 'UPDATE profiles SET due_at = ?, touched = touched + 1 WHERE site_id = ?', args: [now, siteId] }]);
  return settings;
}
